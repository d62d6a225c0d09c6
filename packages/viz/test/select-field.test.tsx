// The shared menus: a labelled select in the form style, the model menu by title and the provider
// menu with 'auto' spelled out, each named as the apps' forms and browser tests expect.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ModelSelect, ProviderSelect, SelectField } from '../src/select-field.tsx';

describe('SelectField and the model and provider menus', () => {
  it('renders a labelled menu with the chosen value, inline when asked', () => {
    const html = renderToStaticMarkup(
      <SelectField
        label="Layer"
        name="layer"
        value="1"
        options={[
          { value: '0', label: 'layer 0' },
          { value: '1', label: 'layer 1' },
        ]}
        onChange={() => {}}
        inline
      />,
    );
    expect(html).toContain('<label class="field inline"><span>Layer</span><select name="layer">');
    expect(html).toContain('<option value="1" selected="">layer 1</option>');
  });

  it('names the model and provider menus as the forms do', () => {
    const models = renderToStaticMarkup(<ModelSelect models={[{ id: 'a', title: 'Model A' }]} value="a" onChange={() => {}} />);
    expect(models).toContain('name="model"');
    expect(models).toContain('>Model A</option>');
    const providers = renderToStaticMarkup(<ProviderSelect providers={['cpu', 'auto']} value="cpu" onChange={() => {}} />);
    expect(providers).toContain('name="executionProvider"');
    expect(providers).toContain('<option value="auto">auto (best available)</option>');
  });
});
