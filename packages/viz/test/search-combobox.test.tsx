// The search combobox: its ARIA wiring rendered on the server, and the keyboard's movement over options.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { SearchCombobox, nextActiveOption } from '../src/search-combobox.tsx';

const search = async () => ({ options: [], total: 0 });

describe('SearchCombobox', () => {
  it('is a labelled ARIA combobox controlling a listbox, with a polite status line', () => {
    const html = renderToStaticMarkup(<SearchCombobox label="Add a movie" name="movie-search" search={search} onPick={() => {}} />);
    const input = /<input[^>]*>/.exec(html)![0];
    expect(input).toContain('role="combobox"');
    expect(input).toContain('aria-autocomplete="list"');
    expect(input).toContain('aria-expanded="false"');
    const listId = /aria-controls="([^"]+)"/.exec(input)![1]!;
    expect(html).toContain(`<ul id="${listId}" role="listbox" aria-label="Add a movie" hidden="">`);
    expect(html).toMatch(/<label[^>]*for="[^"]+-input"/);
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('Type at least 2 characters.');
  });

  it('is disabled with the reason where nothing can be picked', () => {
    const html = renderToStaticMarkup(
      <SearchCombobox label="Add" search={search} onPick={() => {}} disabledReason="The history is full." />,
    );
    expect(html).toContain('disabled=""');
    expect(html).toContain('The history is full.');
  });

  it('moves the active option with the arrow keys, wrapping, and jumps with Home and End', () => {
    expect(nextActiveOption(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextActiveOption(2, 'ArrowDown', 3)).toBe(0);
    expect(nextActiveOption(0, 'ArrowUp', 3)).toBe(2);
    expect(nextActiveOption(-1, 'ArrowUp', 3)).toBe(2);
    expect(nextActiveOption(1, 'End', 3)).toBe(2);
    expect(nextActiveOption(1, 'Home', 3)).toBe(0);
    expect(nextActiveOption(1, 'ArrowDown', 0)).toBe(-1);
  });
});
