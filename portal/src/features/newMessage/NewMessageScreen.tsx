// Ny melding: the form for every request type the desk knows, as the import format takes it. The completeness
// checklist and the identifier checks follow the values as they are typed; installation data can be fetched from
// the grid company; attachments are sniffed at once; the form is autosaved as a draft (resumable here or on another
// device: the address names the draft). Sending posts the message; a refusal's reasons land on the fields, success
// goes to the case.
import { Alert, Anchor, Badge, Button, Checkbox, Grid, Group, List, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalDraft, PortalDraftForm } from '../../../../shared/portalApi/drafts';
import type { PortalCompletenessRulesOutput, PortalInstallationFacts, PortalTemplate } from '../../../../shared/portalApi/lookup';
import { REQUEST_TYPES, type RequestType } from '../../../../shared/rules';
import type { ApiError } from '../../app/api';
import { navigate, useLocation } from '../../app/router';
import { ErrorAlert, Screen } from '../../app/Screen';
import { useSession } from '../../app/session';
import { currentLanguage } from '../../i18n';
import { newMessageApi } from './api';
import { base64OfFile } from './attachmentFiles';
import { AttachmentsCard, type ChosenAttachment } from './AttachmentsCard';
import { CompletenessCard } from './CompletenessCard';
import { DraftList } from './DraftList';
import { FormSectionCard } from './FormSectionCard';
import { fieldId } from './FormField';
import { InstallationLookup } from './InstallationLookup';
import { valuesFromInstallation } from './installationFacts';
import { completenessOf, emptyValues, fieldProblems, FORM_SECTIONS, requestMessageOf, type FormValues } from './messageForm';
import { placeReasons, reasonsOf, type PlacedReasons } from './refusalReasons';
import { useDraftAutosave } from './useDraftAutosave';

const newMessageId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID()
  : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`);

const freshValues = (): FormValues => ({ ...emptyValues(), messageId: newMessageId() });

interface FormState {
  requestType: RequestType;
  values: FormValues;
  attachments: ChosenAttachment[];
  /** What a resumed draft had attached: to be chosen again. */
  awaited: PortalDraftForm['attachments'];
}

const freshForm = (): FormState => ({ requestType: 'new_installation', values: freshValues(), attachments: [], awaited: [] });

function draftFormOf(form: FormState): PortalDraftForm {
  const chosen = form.attachments.map(({ kind, fileName, bytes }) => ({ kind, fileName, bytes }));
  const stillAwaited = form.awaited.filter((a) => !chosen.some((c) => c.fileName === a.fileName));
  return { requestType: form.requestType, values: form.values, attachments: [...chosen, ...stillAwaited] };
}

/** On a phone the checklist is far below the field being typed: a bar at the bottom keeps its count in sight. */
function MissingBar({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder shadow="sm" p="xs" radius="md" style={{ position: 'sticky', bottom: 8, zIndex: 2 }}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Badge color={count === 0 ? 'teal' : 'orange'} variant="light">
          {count === 0 ? t('newMessage.completeness.completeShort') : t('newMessage.completeness.missingCount', { count })}
        </Badge>
        <Anchor href="#completeness-title" size="sm">{t('newMessage.completeness.show')}</Anchor>
      </Group>
    </Paper>
  );
}

export function NewMessageScreen() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { params } = useLocation();
  const wide = useMediaQuery('(min-width: 62em)');
  const [rules, setRules] = useState<PortalCompletenessRulesOutput | null>(null);
  const [rulesUnavailable, setRulesUnavailable] = useState(false);
  const [templates, setTemplates] = useState<PortalTemplate[]>([]);
  const [drafts, setDrafts] = useState<PortalDraft[]>([]);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [form, setForm] = useState<FormState>(freshForm);
  const [revision, setRevision] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [confirmIncomplete, setConfirmIncomplete] = useState(false);
  const [refusal, setRefusal] = useState<PlacedReasons | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);

  const onSaved = useCallback((draft: PortalDraft) => {
    setDrafts((list) => [draft, ...list.filter((d) => d.id !== draft.id)]);
    setDraftId((current) => {
      if (current === null) navigate('new-message', { replace: true, params: [draft.id] });
      return draft.id;
    });
  }, []);
  const autosave = useDraftAutosave(draftId, onSaved);

  const open = useCallback((draft: PortalDraft | null) => {
    setDraftId(draft?.id ?? null);
    setForm(draft ? {
      requestType: draft.form.requestType,
      values: { ...freshValues(), ...draft.form.values },
      attachments: [],
      awaited: draft.form.attachments,
    } : freshForm());
    setTouched(new Set());
    setAttempted(false);
    setRefusal(null);
    setConfirmIncomplete(false);
    navigate('new-message', { replace: true, params: draft ? [draft.id] : [] });
  }, []);

  const requestedDraft = params[0] ?? null;
  useEffect(() => {
    void newMessageApi.completenessRules().then((answer) => {
      if (answer.ok) setRules(answer.value);
      else setRulesUnavailable(true);
    });
    void newMessageApi.templates().then((answer) => answer.ok && setTemplates(answer.value.templates));
    void newMessageApi.listDrafts().then((answer) => {
      if (!answer.ok) return setError(answer.error);
      setDrafts(answer.value.drafts);
      const wanted = answer.value.drafts.find((d) => d.id === requestedDraft);
      if (requestedDraft) open(wanted ?? null);
    });
    // Once, on opening: the drafts named in the address later are this screen's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening (see above).
  }, []);

  useEffect(() => {
    if (revision > 0) autosave.changed(draftFormOf(form));
    // Only an edit (a new revision) saves; opening a draft does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only an edit saves (see above).
  }, [revision]);

  const edit = (change: Partial<FormState>, clearing: string[] = []) => {
    setForm((current) => ({ ...current, ...change }));
    setRevision((n) => n + 1);
    if (refusal && clearing.length > 0) {
      const fields = { ...refusal.fields };
      for (const key of clearing) delete fields[key];
      setRefusal({ ...refusal, fields });
    }
  };
  const setValue = (key: string, value: string | boolean) => edit({ values: { ...form.values, [key]: value } }, [key]);
  const fillFromGridCompany = (facts: PortalInstallationFacts) => {
    const filled = valuesFromInstallation(facts);
    edit({ values: { ...form.values, ...filled } }, Object.keys(filled));
  };

  const problems = useMemo(() => fieldProblems(form.values, form.requestType), [form.values, form.requestType]);
  const kinds = useMemo(() => form.attachments.map((a) => a.kind), [form.attachments]);
  const evaluation = useMemo(() => (rules ? completenessOf(form.values, form.requestType, rules.ruleSets[form.requestType], kinds) : null),
    [rules, form.values, form.requestType, kinds]);
  const errorOf = (key: string): string | null => {
    if (refusal?.fields[key]) return t(`newMessage.${refusal.fields[key]}`);
    const problem = problems[key];
    return problem && (attempted || touched.has(key)) ? t(`newMessage.problem.${problem}`) : null;
  };

  const deleteDraft = async (draft: PortalDraft) => {
    if (draft.id === draftId) await autosave.stop();
    const answer = await newMessageApi.deleteDraft(draft.id);
    if (!answer.ok && answer.error.status !== 404) return setError(answer.error);
    setDrafts((list) => list.filter((d) => d.id !== draft.id));
    if (draft.id === draftId) open(null);
  };
  const resume = async (draft: PortalDraft | null) => {
    await autosave.stop();
    open(draft);
  };

  const send = async () => {
    setAttempted(true);
    setError(null);
    setRefusal(null);
    const firstProblem = Object.keys(problems)[0];
    if (firstProblem) {
      document.getElementById(fieldId(firstProblem))?.focus();
      return;
    }
    if (evaluation && !evaluation.complete && !confirmIncomplete) return;
    if (!me) return;
    setSending(true);
    const savedDraft = await autosave.stop();
    const attachments = await Promise.all(form.attachments.map(async (a) => ({
      kind: a.kind, fileName: a.fileName, mimeType: a.type, contentBase64: await base64OfFile(a.file),
    })));
    const message = requestMessageOf(form.values, form.requestType, me.firm, String(form.values.messageId), new Date(), attachments);
    const answer = await newMessageApi.send(message);
    if (!answer.ok) {
      setSending(false);
      const reasons = reasonsOf(answer.error.body);
      if (reasons.length > 0) setRefusal(placeReasons(reasons));
      else setError(answer.error);
      return;
    }
    if (savedDraft) await newMessageApi.deleteDraft(savedDraft);
    navigate('cases', { params: [answer.value.caseNumber] });
  };

  const saveText = autosave.saveState.state === 'saving' ? t('newMessage.drafts.saving')
    : autosave.saveState.state === 'saved' ? t('newMessage.drafts.saved', {
      time: autosave.saveState.at.toLocaleTimeString(currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB', { timeStyle: 'short' }),
    })
      : autosave.saveState.state === 'failed' ? t('newMessage.drafts.saveFailed') : '';
  const incomplete = evaluation !== null && !evaluation.complete;
  const hasProblems = Object.keys(problems).length > 0;

  const draftList = <DraftList drafts={drafts} currentId={draftId} onResume={(d) => void resume(d)} onDelete={(d) => void deleteDraft(d)} onNew={() => void resume(null)} />;
  const checklist = <CompletenessCard evaluation={evaluation} unavailable={rulesUnavailable} templates={templates} />;
  const formColumn = (
    <Stack gap="md">
      <NativeSelect
        id="field-requestType"
        label={t('newMessage.requestType')}
        data={REQUEST_TYPES.map((type) => ({ value: type, label: t(`newMessage.requestTypes.${type}`) }))}
        value={form.requestType}
        onChange={(event) => edit({ requestType: event.currentTarget.value as RequestType })}
      />
      <InstallationLookup
        address={String(form.values['installation.address'] ?? '')}
        postcode={String(form.values['installation.postcode'] ?? '')}
        onFound={fillFromGridCompany}
      />
      {FORM_SECTIONS.map((section) => (
        <FormSectionCard key={section} section={section} requestType={form.requestType} values={form.values}
          errorOf={errorOf} onChange={setValue} onBlur={(key) => setTouched((set) => new Set(set).add(key))} />
      ))}
      <AttachmentsCard attachments={form.attachments} awaited={form.awaited} templates={templates}
        problems={refusal?.attachments ?? {}} onChange={(attachments) => edit({ attachments })} />
      {!wide && checklist}
      <Stack gap="sm">
        {attempted && hasProblems && <Alert color="red" variant="light" role="alert">{t('newMessage.send.fixFields')}</Alert>}
        {refusal && (
          <Alert color="red" variant="light" role="alert" title={t('newMessage.send.refusedTitle')}>
            <Text size="sm">{t('newMessage.send.refused')}</Text>
            {refusal.other.length > 0 && (
              <>
                <Text size="sm" mt="xs">{t('newMessage.send.otherReasons')}</Text>
                <List size="sm">{refusal.other.map((r) => <List.Item key={`${r.path}-${r.key}`}>{r.path}: {t(`newMessage.${r.key}`)}</List.Item>)}</List>
              </>
            )}
          </Alert>
        )}
        <ErrorAlert error={error} />
        {incomplete && (
          <Alert color="orange" variant="light" title={t('newMessage.send.incompleteTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('newMessage.send.incomplete')}</Text>
              <Checkbox label={t('newMessage.send.sendIncomplete')} checked={confirmIncomplete}
                onChange={(event) => setConfirmIncomplete(event.currentTarget.checked)}
                error={attempted && !confirmIncomplete && !hasProblems ? true : undefined} />
            </Stack>
          </Alert>
        )}
        <Button size="md" onClick={() => void send()} loading={sending} loaderProps={{ 'aria-label': t('newMessage.send.sending') }}>
          {t('newMessage.send.button')}
        </Button>
        <Text size="sm" c="dimmed" role="status" aria-live="polite" mih="1.5em">{saveText}</Text>
      </Stack>
    </Stack>
  );

  return (
    <Screen title={t('newMessage.title')} intro={<Text>{t('newMessage.intro')}</Text>}>
      {wide ? (
        <Grid gap="lg">
          <Grid.Col span={8}>{formColumn}</Grid.Col>
          <Grid.Col span={4}>
            <Stack gap="md" style={{ position: 'sticky', top: 16 }}>
              {checklist}
              {draftList}
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        <Stack gap="md">
          {draftList}
          {formColumn}
          {evaluation && <MissingBar count={evaluation.items.filter((item) => !item.ok).length} />}
        </Stack>
      )}
    </Screen>
  );
}
