import { ROLE_TITLES, ROLES, type Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import { loadDataset, type Dataset } from '../../datasets/load-dataset.ts';
import { calendarIndexAtOrBefore, CALENDAR_TICKER, type Panel } from '../../datasets/panel.ts';
import { roleSegments, tbillReturns, type RoleSeries } from '../../datasets/roles.ts';
import { compareEpisodes, regimeTable, resolveEpisode, type EpisodeSpan, type NamedReturns } from '../../engine/analysis/index.ts';
import { buildClaimContext, runScorecard, standInsBySeries, type ClaimContextOptions, type ScorecardRow } from '../../engine/claims/index.ts';
import type { RegimeResult } from '../../engine/regimes/index.ts';
import { SECTION_TITLES, type ConfigEntry, type ReportBlock, type HeadlineTable, type NoteBlock, type ReportModel, type ReportSection } from '../model.ts';
import { appendixSection, flattenParameters } from './appendix-section.ts';
import { commonRoleWindow, DEFAULT_EPISODES } from './demo-model.ts';
import { episodesSection } from './episodes-section.ts';
import { liquiditySection } from './liquidity-section.ts';
import { headlineFrom, performanceSection } from './performance-section.ts';
import { runPlaybook, type PlaybookOptions } from './playbook-run.ts';
import { tearsheetBlocks } from './run-tearsheet.ts';
import { describeAssumption } from '../../strategies/index.ts';
import { regimeHeatmapSection } from './regime-heatmap-section.ts';
import { robustnessSection, type RobustnessInput } from './robustness-section.ts';
import { scorecardSection, verdictCounts } from './scorecard-section.ts';
import { confirmationRule, regimeTimelineSection } from './timeline-section.ts';
import { definitionGridBlocks } from './definition-grid-blocks.ts';
import { commodityVariantsBlocks } from './commodity-variants-blocks.ts';
import type { CommodityVariantRow } from '../../engine/analysis/commodity-variants.ts';
import type { VerdictGrid } from '../../engine/analysis/verdicts-across-definitions.ts';
import { codeVersion } from './version.ts';
import { whatIfBlocks } from './what-if-section.ts';

/** What a report is computed from: the data and what the engine derived from it. */
export interface ReportInputs {
  /** The loaded dataset (the appendix lists its files, coverage, checksums and notes); loaded from `dataDir` when absent. */
  dataset?: Dataset;
  /** Data directory, needed when `dataset` is absent. */
  dataDir?: string;
  panel: Panel;
  roles: Map<Role, RoleSeries>;
  regimes: RegimeResult;
  /** The claims scorecard when the caller already has it (validate); otherwise computed with `claims`. */
  scorecard?: readonly ScorecardRow[];
  /** Bootstrap settings of the scorecard (reps, seed, level; engine/claims defaults otherwise). */
  claims?: ClaimContextOptions;
  /** More daily return series on the calendar (e.g. validate's strategies), added to the per-regime heatmap and the episodes. */
  series?: readonly NamedReturns[];
  /** Robustness figures (sweep heatmap, deflated Sharpe, PBO, permutation p-value); the section is left out without them. */
  robustness?: RobustnessInput;
  /** More blocks for the performance section after the playbook's own (validate's tests against the benchmarks). */
  benchmarks?: ReportBlock[];
  /** The first-page answer to "does the playbook beat simple benchmarks?" (analysisAnswer), when tested. */
  answer?: string;
  /** Every claim's verdict under each regime definition (validate); shown under the scorecard. */
  definitionGrid?: VerdictGrid;
  /** The commodity claims under each commodity proxy (validate); shown under the scorecard. */
  commodityVariants?: readonly CommodityVariantRow[];
}

export interface ReportBuildOptions {
  /** ISO timestamp written into the report (default: now). Fix it for byte-identical files. */
  createdAt?: string;
  /** Episodes compared (catalog ids, years, quarters, months or FROM..TO; default 2022 and 2025Q2). */
  episodes?: readonly string[];
  /** The command that reproduces the report, shown in the appendix. */
  command?: string;
  /** Remarks shown at the top of the summary (e.g. "the data changed since the run"). */
  notes?: readonly NoteBlock[];
  /** Called after each of the {@link REPORT_BUILD_STEPS} parts is built (for a progress bar). */
  onStep?: (step: string) => void;
}

/** The parts of a model build that report progress, in order. */
export const REPORT_BUILD_STEPS = ['scorecard', 'returns by regime', 'episodes', 'sections'] as const;

/** What differs between a report of a finished run and one built from the data alone. */
export interface PerformancePart {
  subtitle: string;
  config: ConfigEntry[];
  headline?: HeadlineTable;
  performance: ReportSection;
  /** Appendix parameters describing the run. */
  parameters: ConfigEntry[];
  /** The strategy and its benchmarks as daily returns on the panel calendar (NaN outside the run); the first is the strategy. */
  series: NamedReturns[];
  notes: NoteBlock[];
  /** The strategy's name in `series` (drawn in event time in the episode panels). */
  strategy?: string;
  /** Whether the strategy beats simple benchmarks, in one sentence with its test (benchmarkAnswer). */
  answer?: string;
}

export const REPORT_TITLE = 'Quadrant: Fed liquidity × US dollar regimes';
export const REPORT_QUESTION =
  'Do the four quadrants of Fed liquidity (easing or tightening) and the US dollar (weakening or strengthening) sort the returns of global asset classes the way the article of 19 January 2026 says, and does a playbook built on them beat simple benchmarks?';

/**
 * A report built from the data alone (no finished run), e.g. for `quadrant validate --report`:
 * the regime timeline, the liquidity dashboard, each asset role bought and held (and, with
 * `playbook`, the article playbook against its benchmarks run in process with `quadrant run`'s
 * defaults), returns by regime, the claims scorecard (the caller's, or computed), the episode
 * panels, robustness when given, and the appendix.
 *
 * @throws ConfigError (field `episodes`) for an unknown episode or one with no trading day in the data.
 */
export function buildReportFromInputs(inputs: ReportInputs, options: ReportBuildOptions & { playbook?: boolean | PlaybookOptions } = {}): ReportModel {
  const { panel, roles, regimes } = inputs;
  const cal = panel.calendar;
  const riskFree = tbillReturns(panel);
  const window = commonRoleWindow(roles, cal.length);
  const focus: Role[] = ['us_large', 'us_small', 'emerging', 'gold', 'treasuries'];
  const rolePerformance = performanceSection({
    calendar: cal,
    portfolios: ROLES.map((role) => ({ key: role, label: ROLE_TITLES[role], returns: roles.get(role)!.returns })),
    riskFree,
    from: window.from,
    to: window.to,
    drawdownKeys: focus,
    rollingKeys: focus,
    idPrefix: 'roles',
  });
  const roleBlocks: ReportSection['blocks'] = [
    { kind: 'heading', text: 'Asset roles, buy and hold' },
    {
      kind: 'text',
      paragraphs: [
        `Each asset role from ${isoDay(cal[window.from])}, the first day every role trades as its own instrument, to ${isoDay(cal[window.to])}, its last such day. Roles chain to fall-back instruments as listed in the appendix.`,
      ],
    },
    ...rolePerformance.blocks,
  ];
  const playbook = options.playbook === true ? {} : options.playbook || undefined;
  const run = playbook ? runPlaybook(panel, roles, regimes.labels, playbook) : undefined;
  const runInput = run && { calendar: cal, portfolios: run.portfolios, riskFree, from: run.start, to: run.end, idPrefix: 'strategy' };
  const part: PerformancePart = {
    subtitle: run ? `The article playbook, ${isoDay(cal[run.start])} to ${isoDay(cal[run.end])}` : 'Data, regimes and liquidity',
    config: run
      ? [
          { key: 'Assumptions', value: describeAssumption({ costBps: playbook?.costBps ?? 5, execution: playbook?.execution ?? 'next-close' }) },
          { key: 'Strategy', value: run.description },
        ]
      : [],
    headline: runInput ? headlineFrom(runInput) : undefined,
    performance: {
      title: SECTION_TITLES.performance,
      blocks: [
        ...(runInput ? [{ kind: 'heading' as const, text: 'The playbook against its benchmarks' }, ...performanceSection(runInput).blocks] : []),
        // The same tearsheet as a run report's, from the same engine functions, then the what-if panel (as in a run report).
        ...(run ? tearsheetBlocks(run.tearsheet) : []),
        ...(run ? whatIfBlocks(run.whatIf) : []),
        ...(inputs.benchmarks ?? []),
        ...roleBlocks,
      ],
    },
    parameters: run?.parameters ?? [],
    series: run ? run.portfolios.map((p) => ({ name: p.label, returns: p.returns })).slice(0, 1) : [],
    notes: [],
    strategy: run?.portfolios[0].label,
    ...(inputs.answer ? { answer: inputs.answer } : {}),
  };
  return assembleReport(inputs, part, options);
}

/**
 * The model around a performance part: summary (question, configuration, headline, verdict
 * counts, notes), regime timeline, liquidity dashboard, performance, returns by regime (the
 * asset roles and the part's strategy), scorecard, episodes (roles, strategy and benchmarks),
 * robustness when given, and the appendix (code version, every parameter, data provenance).
 */
export function assembleReport(inputs: ReportInputs, part: PerformancePart, options: ReportBuildOptions = {}): ReportModel {
  const { panel, roles, regimes, robustness } = inputs;
  const dataset = inputs.dataset ?? loadDatasetFor(inputs);
  const cal = panel.calendar;
  const step = (name: (typeof REPORT_BUILD_STEPS)[number]) => options.onStep?.(name);
  const episodeIds = options.episodes ?? DEFAULT_EPISODES;
  const spans = episodeIds.map((id) => checkEpisode(id, cal));

  const claims = buildClaimContext(panel, roles, regimes.labels, inputs.claims);
  const scorecard = inputs.scorecard ?? runScorecard(claims);
  step('scorecard');
  const labelled: NamedReturns[] = ROLES.map((role) => ({ name: ROLE_TITLES[role], returns: roles.get(role)!.returns }));
  const extra = [...(part.strategy ? part.series.slice(0, 1) : []), ...(inputs.series ?? [])];
  const stats = regimeTable([...labelled, ...extra], regimes.labels, cal, { riskFree: tbillReturns(panel), quadrants: [1, 2, 3, 4], ...pick(inputs.claims) });
  step('returns by regime');
  const episodeSeries = [...labelled, ...part.series, ...(inputs.series ?? [])];
  const episodes = compareEpisodes({ calendar: cal, labels: regimes.labels, rawLabels: regimes.rawLabels, returns: episodeSeries, signals: [] }, spans);
  step('episodes');

  const notes: NoteBlock[] = [...(options.notes ?? []), ...part.notes];
  if (!robustness) {
    notes.push({
      kind: 'note',
      tone: 'info',
      text: 'The robustness section (parameter sweep, deflated Sharpe ratio, probability of overfitting, permutation test) is not included: no robustness results were given to the report.',
    });
  }
  const parameters: ConfigEntry[] = [
    { key: 'data.dir', value: dataset.dir },
    { key: 'data.calendar', value: `${CALENDAR_TICKER} sessions, ${isoDay(cal[0])} to ${isoDay(cal[cal.length - 1])} (${cal.length} days)` },
    ...ROLES.map((r) => ({ key: `roles.${r}`, value: roles.get(r)!.instruments.join(' → ') })),
    ...flattenParameters(regimes.config, 'regime'),
    ...part.parameters,
    { key: 'episodes', value: episodeIds.join(', ') },
    { key: 'claims.articleDay', value: isoDay(claims.articleDay) },
    { key: 'claims.bootstrap', value: `stationary bootstrap, ${claims.reps} resamples, seed ${claims.seed}, level ${claims.level}` },
  ];
  const config: ConfigEntry[] = [
    ...part.config,
    { key: 'Regime definition', value: `${regimes.config.name}: ${regimes.config.description}` },
    { key: 'Dollar index', value: regimes.config.dollarSource },
    { key: 'Data', value: `${dataset.dir}, last close ${isoDay(cal[cal.length - 1])}` },
  ];
  const pathOf = part.strategy ? [part.strategy, ROLE_TITLES.us_large] : [ROLE_TITLES.us_large, ROLE_TITLES.china_hk];
  const model: ReportModel = {
    schema: 'quadrant.report/1',
    title: REPORT_TITLE,
    subtitle: part.subtitle,
    createdAt: options.createdAt ?? new Date().toISOString(),
    question: REPORT_QUESTION,
    ...(part.answer ? { answer: part.answer } : {}),
    config,
    ...(part.headline ? { headline: part.headline } : {}),
    sections: {
      summary: {
        title: SECTION_TITLES.summary,
        blocks: [...notes, { kind: 'heading', text: "Verdicts on the article's claims" }, verdictCounts(scorecard)],
      },
      'regime-timeline': regimeTimelineSection(panel, regimes),
      liquidity: liquiditySection(panel),
      performance: part.performance,
      'regime-heatmap': regimeHeatmapSection(stats, {
        standIns: standInsBySeries(
          claims,
          regimes.labels,
          ROLES.map((role) => ({ name: ROLE_TITLES[role], roles: [role] })),
        ),
      }),
      scorecard: withDefinitionGrid(scorecardSection(scorecard), inputs.definitionGrid, inputs.commodityVariants),
      episodes: episodesSection(episodes, { pathOf, confirmation: confirmationRule(regimes) }),
      ...(robustness ? { robustness: robustnessSection(robustness) } : {}),
      appendix: appendixSection({ dataset, version: codeVersion(), parameters, segments: roleSegments(panel, roles), command: options.command }),
    },
  };
  step('sections');
  return model;
}

/** The scorecard section with the definition grid below it, when there is one. */
function withDefinitionGrid(section: ReportSection, grid?: VerdictGrid, commodities?: readonly CommodityVariantRow[]): ReportSection {
  const extra = [...(commodities?.length ? commodityVariantsBlocks(commodities) : []), ...(grid ? definitionGridBlocks(grid) : [])];
  return extra.length ? { ...section, blocks: [...section.blocks, ...extra] } : section;
}

function loadDatasetFor(inputs: ReportInputs): Dataset {
  if (!inputs.dataDir)
    throw new ConfigError('bad-config', 'the report needs the dataset or its directory', {
      field: 'dataDir',
      hint: 'pass dataset or dataDir in the report inputs',
    });
  return loadDataset(inputs.dataDir);
}

/** An episode spec resolved, with at least one trading day in the calendar. */
function checkEpisode(id: string, cal: Int32Array): EpisodeSpan {
  let span: EpisodeSpan;
  try {
    span = resolveEpisode(id);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError('bad-config', err.message, { ...err.details, field: 'episodes' });
    throw err;
  }
  const last = calendarIndexAtOrBefore(cal, span.to);
  if (last < 0 || cal[last] < span.from) {
    throw new ConfigError('bad-config', `episode "${id}" has no trading day in the data`, {
      field: 'episodes',
      hint: `the data runs ${isoDay(cal[0])} to ${isoDay(cal[cal.length - 1])}`,
    });
  }
  return span;
}

/** The bootstrap settings regimeTable shares with the scorecard. */
function pick(claims: ClaimContextOptions | undefined): { reps?: number; seed?: number; level?: number } {
  if (!claims) return {};
  return {
    ...(claims.reps !== undefined ? { reps: claims.reps } : {}),
    ...(claims.seed !== undefined ? { seed: claims.seed } : {}),
    ...(claims.level !== undefined ? { level: claims.level } : {}),
  };
}
