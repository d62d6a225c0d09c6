// SearchCombobox: a text box that searches as you type (debounced, older searches aborted) and lists the
// matches in an ARIA 1.2 combobox — arrow keys move, Enter picks, Escape closes — for any searchable list.
'use client';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface SearchOption {
  id: string | number;
  label: string;
  /** A second, quieter line (e.g. genres). */
  detail?: string;
}

export interface SearchResults<Option> {
  options: Option[];
  /** How many match in all (more than listed where the server cut the list). */
  total: number;
}

export interface SearchComboboxProps<Option extends SearchOption> {
  label: string;
  placeholder?: string;
  name?: string;
  search: (query: string, signal: AbortSignal) => Promise<SearchResults<Option>>;
  onPick: (option: Option) => void;
  /** Why nothing can be picked now (e.g. the list is full); shown, and the box is disabled. */
  disabledReason?: string;
  minQueryLength?: number;
  debounceMs?: number;
}

type SearchState<Option> =
  { status: 'idle' } | { status: 'searching' } | { status: 'error'; message: string } | { status: 'done'; results: SearchResults<Option> };

/** The option index after pressing `key` with `active` highlighted among `count` options (wrapping). */
export function nextActiveOption(active: number, key: string, count: number): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return active < 0 ? 0 : (active + 1) % count;
  if (key === 'ArrowUp') return active < 0 ? count - 1 : (active - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return active;
}

export function SearchCombobox<Option extends SearchOption>(props: SearchComboboxProps<Option>) {
  const { label, placeholder, name, search, onPick, disabledReason, minQueryLength = 2, debounceMs = 150 } = props;
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState<Option>>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed.length < minQueryLength) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: 'searching' });
      searchRef.current(trimmed, controller.signal).then(
        (results) => {
          setState({ status: 'done', results });
          setActive(results.options.length > 0 ? 0 : -1);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, minQueryLength, debounceMs]);

  const options = state.status === 'done' ? state.results.options : [];
  const expanded = open && options.length > 0;
  const pick = (option: Option) => {
    onPick(option);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || (expanded && (event.key === 'Home' || event.key === 'End'))) {
      event.preventDefault();
      setOpen(true);
      setActive(nextActiveOption(active, event.key, options.length));
    } else if (event.key === 'Enter') {
      if (!expanded) return;
      event.preventDefault();
      const option = options[active] ?? options[0];
      if (option) pick(option);
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setQuery('');
    }
  };

  const status =
    disabledReason ??
    (state.status === 'searching'
      ? 'Searching…'
      : state.status === 'error'
        ? `Search failed: ${state.message}`
        : state.status === 'done'
          ? state.results.total === 0
            ? `No match for “${query.trim()}”.`
            : `${state.results.total} match${state.results.total === 1 ? '' : 'es'}${state.results.total > options.length ? `, first ${options.length} listed` : ''}: ↑ ↓ to choose, Enter to add.`
          : `Type at least ${minQueryLength} characters.`);

  return (
    <div className="combobox">
      <label className="field" htmlFor={`${id}-input`}>
        <span>{label}</span>
      </label>
      <div className="combobox-box">
        <input
          id={`${id}-input`}
          type="text"
          name={name}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
          aria-describedby={`${id}-status`}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          disabled={disabledReason !== undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={label} hidden={!expanded}>
          {options.map((option, i) => (
            <li
              key={option.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(option)}
            >
              <span>{option.label}</span>
              {option.detail ? <span className="hint">{option.detail}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-status`} className="hint combobox-status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
