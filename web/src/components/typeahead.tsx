// A type-ahead field (the ARIA 1.2 combobox pattern): the input keeps focus,
// suggestions load after a short pause, ArrowDown/ArrowUp move through them,
// Enter picks the highlighted one (or hands the typed text to onEnterText),
// Escape closes the list. Works with the mouse and touch as well.

import { useEffect, useRef, useState } from 'preact/hooks';
import { toApiError } from '../lib/useAsync';

export interface TypeAheadOption {
  key: string;
  label: string;
  /** Small text after the label: what matched, a source, "Person". */
  detail?: string;
}

interface TypeAheadProps<T extends TypeAheadOption> {
  id: string;
  label: string;
  placeholder?: string;
  hint?: string;
  /** Loads options for the typed text (at least minChars characters). */
  load: (text: string, signal: AbortSignal) => Promise<T[]>;
  onPick: (option: T) => void;
  /** Enter with no option highlighted; return true to clear the field. */
  onEnterText?: (text: string) => boolean;
  minChars?: number;
  /** Clear the field after a pick (adding to a list) or show the picked label. */
  clearOnPick?: boolean;
  initialText?: string;
}

const DEBOUNCE_MS = 150;

export function TypeAhead<T extends TypeAheadOption>(props: TypeAheadProps<T>) {
  const minChars = props.minChars ?? 1;
  const [text, setText] = useState(props.initialText ?? '');
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const [error, setError] = useState('');
  const typed = useRef(false);
  const listId = `${props.id}-listbox`;
  const hintId = props.hint ? `${props.id}-hint` : undefined;

  useEffect(() => {
    if (props.initialText !== undefined) setText(props.initialText);
  }, [props.initialText]);

  useEffect(() => {
    const query = text.trim();
    if (!typed.current || query.length < minChars) {
      setOptions([]);
      setStatus('idle');
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setStatus('loading');
      props.load(query, controller.signal).then(
        (found) => {
          if (controller.signal.aborted) return;
          setOptions(found);
          setActive(-1);
          setStatus('ready');
          setOpen(true);
        },
        (e) => {
          if (controller.signal.aborted) return;
          setOptions([]);
          setError(toApiError(e).message);
          setStatus('error');
          setOpen(true);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const pick = (option: T) => {
    typed.current = false;
    setOpen(false);
    setActive(-1);
    setOptions([]);
    setText(props.clearOnPick ? '' : option.label);
    props.onPick(option);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const shown = open && options.length > 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      if (options.length) setActive((active + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length) setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (shown && active >= 0) {
        event.preventDefault();
        pick(options[active]);
      } else if (props.onEnterText && text.trim()) {
        event.preventDefault();
        setOpen(false);
        if (props.onEnterText(text.trim())) {
          typed.current = false;
          setText('');
        }
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  };

  const expanded = open && (options.length > 0 || status === 'ready' || status === 'error') && text.trim().length >= minChars;
  const activeId = expanded && active >= 0 ? `${props.id}-option-${active}` : undefined;
  const announcement =
    status === 'loading' ? 'Looking…' : status === 'ready' && expanded ? (options.length ? `${options.length} suggestions; use the arrow keys` : 'No suggestions') : '';

  return (
    <div class="field typeahead">
      <label for={props.id}>{props.label}</label>
      <div class="typeahead__box">
        <input
          id={props.id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={hintId}
          autoComplete="off"
          spellcheck={false}
          placeholder={props.placeholder}
          value={text}
          onInput={(e) => {
            typed.current = true;
            setText(e.currentTarget.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => window.setTimeout(() => setOpen(false), 120)}
        />
        <ul id={listId} role="listbox" aria-label={`${props.label}: suggestions`} class="typeahead__list" hidden={!expanded}>
          {options.map((o, i) => (
            <li
              key={o.key}
              id={`${props.id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'typeahead__option is-active' : 'typeahead__option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              <span class="typeahead__label">{o.label}</span>
              {o.detail && <span class="typeahead__detail">{o.detail}</span>}
            </li>
          ))}
          {status === 'ready' && options.length === 0 && (
            <li class="typeahead__none" role="presentation">
              No matches for “{text.trim()}”
            </li>
          )}
          {status === 'error' && (
            <li class="typeahead__none typeahead__error" role="presentation">
              Suggestions failed: {error}
            </li>
          )}
        </ul>
      </div>
      {props.hint && (
        <span id={hintId} class="field__hint">
          {props.hint}
        </span>
      )}
      <span class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
