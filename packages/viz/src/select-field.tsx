// SelectField: a labelled menu in the apps' form style, and the two menus every app's form has — the
// model (by title) and the execution provider ('auto' spelled out) — so each is written once.
'use client';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** Label beside the menu (toolbars) instead of above it (forms). */
  inline?: boolean;
}

export function SelectField({ label, name, value, options, onChange, inline = false }: SelectFieldProps) {
  return (
    <label className={inline ? 'field inline' : 'field'}>
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The model menu: each model by its title. */
export function ModelSelect(props: { models: readonly { id: string; title: string }[]; value: string; onChange: (id: string) => void }) {
  const options = props.models.map((model) => ({ value: model.id, label: model.title }));
  return <SelectField label="Model" name="model" value={props.value} options={options} onChange={props.onChange} />;
}

/** The execution-provider menu ('cpu' first, 'auto' as "auto (best available)"). */
export function ProviderSelect(props: {
  providers: readonly string[];
  value: string;
  onChange: (provider: string) => void;
  inline?: boolean;
}) {
  const options = props.providers.map((p) => ({ value: p, label: p === 'auto' ? 'auto (best available)' : p }));
  return (
    <SelectField
      label="Execution provider"
      name="executionProvider"
      value={props.value}
      options={options}
      onChange={props.onChange}
      inline={props.inline ?? false}
    />
  );
}
