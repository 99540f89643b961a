// Practice, office and grade drop-downs fed by GET /people/facets (every
// value in the directory with its head count), shared by People, Find people
// and the Staffing board. A value already chosen (from the address) that the
// list lacks stays selectable, so a shared link never loses its filter.
// The server compares filters case-insensitively; the drop-down matches the
// chosen value the same way, so "tax" in an address shows "Tax" selected.

import { api } from '../api/client';
import type { FacetValue, PeopleFacets } from '../api/types';
import { useAsync } from '../lib/useAsync';

/** @clientOnly which list of the facets answer a drop-down shows */
export type FacetKind = keyof PeopleFacets;

const EMPTY: PeopleFacets = { practices: [], offices: [], grades: [] };

/** The directory's facets; empty lists while loading or when the load fails (the drop-down then offers "Any" and the current value). */
export function usePeopleFacets(): PeopleFacets {
  const state = useAsync((signal) => api.peopleFacets(signal), []);
  return state.status === 'ready' ? state.data : EMPTY;
}

function sameFolded(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

interface FacetSelectProps {
  id: string;
  label: string;
  values: FacetValue[];
  value: string;
  onChange: (value: string) => void;
  /** Wrapper class; defaults to the compact field of filter rows. */
  class?: string;
}

export function FacetSelect(props: FacetSelectProps) {
  const known = props.values.find((v) => sameFolded(v.value, props.value));
  const selected = known ? known.value : props.value;
  return (
    <div class={props.class ?? 'field field--compact'}>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={selected} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">Any</option>
        {props.value && !known && <option value={props.value}>{props.value}</option>}
        {props.values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.value} ({v.count})
          </option>
        ))}
      </select>
    </div>
  );
}
