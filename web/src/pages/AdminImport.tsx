// Upload a CSV or JSON file to POST /admin/import/{kind}. A 422 answer lists
// every bad line; it is shown as a table (line, field, value, expected).

import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api, type ApiError } from '../api/client';
import { HttpStatus } from '../api/status';
import { IMPORT_KINDS, type FieldError, type ImportKind, type ImportReport } from '../api/types';
import { Card, ErrorMessage } from '../components/status';
import { toApiError } from '../lib/useAsync';

type FormatChoice = 'auto' | 'csv' | 'json';

const KIND_LABELS: Record<ImportKind, string> = {
  people: 'People',
  skills: 'Skills',
  'person-skills': "People's skills",
  roles: 'Roles',
  clients: 'Clients',
  engagements: 'Engagements',
  openings: 'Openings',
  assignments: 'Assignments',
  teams: 'Teams',
  'time-entries': 'Time entries',
  'skill-history': 'Skill history',
};

function detectFormat(file: File, choice: FormatChoice): 'csv' | 'json' {
  if (choice !== 'auto') return choice;
  const name = file.name.toLowerCase();
  if (name.endsWith('.json') || file.type === 'application/json') return 'json';
  return 'csv';
}

function ImportSuccess({ report }: { report: ImportReport }) {
  const stats: [string, string | number][] = [
    ['Rows read', report.rows],
    ['Inserted', report.inserted],
    ['Updated', report.updated],
    ['Time', `${report.seconds.toFixed(2)} s`],
  ];
  return (
    <div class="alert alert--success" role="status">
      <p class="alert__title">
        Imported {report.rows} {report.rows === 1 ? 'row' : 'rows'} of {KIND_LABELS[report.kind as ImportKind] ?? report.kind}
        {report.file ? ` from ${report.file}` : ''}
      </p>
      <dl class="stats">
        {stats.map(([term, value]) => (
          <div key={term} class="stats__item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.warnings.length > 0 && (
        <>
          <p class="alert__detail">Warnings ({report.warnings.length}):</p>
          <ul class="warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>{typeof w === 'string' ? w : JSON.stringify(w)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ImportErrors({ error, fileName }: { error: ApiError; fileName: string }) {
  const rows: FieldError[] = error.problem.errors ?? [];
  return (
    <div class="import-errors">
      <div class="alert alert--error" role="alert">
        <p class="alert__title">
          {fileName} was not imported: {rows.length} {rows.length === 1 ? 'problem' : 'problems'} found
        </p>
        <p class="alert__detail">{error.problem.detail || error.problem.title}</p>
        <p class="alert__detail">Nothing was written. Fix the lines below and upload the file again.</p>
      </div>
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="table table--errors" id="import-error-table">
            <caption>Every line that could not be imported</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">Expected</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td class="num">{r.line ?? '—'}</td>
                  <td>
                    <code>{r.field ?? '—'}</code>
                  </td>
                  <td>{r.value !== undefined && r.value !== '' ? <code>{r.value}</code> : <span class="muted">(empty)</span>}</td>
                  <td>{r.expected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

type Outcome = { kind: 'done'; report: ImportReport } | { kind: 'failed'; error: ApiError; fileName: string } | null;

export function AdminImport() {
  const [kind, setKind] = useState<ImportKind>('people');
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', report: await api.importFile(kind, file, detectFormat(file, format)) });
    } catch (e) {
      setOutcome({ kind: 'failed', error: toApiError(e), fileName: file.name });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Import a file" id="import">
      <p class="muted">
        Upload a CSV (with a header line) or a JSON file. The whole file is checked first: if any line is wrong, nothing
        is written and every problem is listed.
      </p>
      <form class="form form--row" onSubmit={submit}>
        <div class="field">
          <label for="import-kind">What the file holds</label>
          <select id="import-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="import-format">Format</label>
          <select id="import-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as FormatChoice)}>
            <option value="auto">From the file name</option>
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </div>
        <div class="field field--grow">
          <label for="import-file">File</label>
          <input id="import-file" type="file" accept=".csv,.json,text/csv,application/json" required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={!file || busy}>
            {busy ? 'Importing…' : 'Upload and import'}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {busy && <p class="muted">Checking and importing {file?.name}…</p>}
        {outcome?.kind === 'done' && <ImportSuccess report={outcome.report} />}
        {outcome?.kind === 'failed' && outcome.error.status === HttpStatus.unprocessable && <ImportErrors error={outcome.error} fileName={outcome.fileName} />}
        {outcome?.kind === 'failed' && outcome.error.status !== HttpStatus.unprocessable && <ErrorMessage error={outcome.error} />}
      </div>
    </Card>
  );
}
