import { ROLE_TITLES, ROLES, TBILL, type Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { loadDataset, type Dataset } from '../../datasets/load-dataset.ts';
import { buildPanel, CALENDAR_TICKER, type Panel } from '../../datasets/panel.ts';
import { buildRoles, roleSegments, tbillReturns, type RoleSeries } from '../../datasets/roles.ts';
import { computeRegimes, REGIME_PRESETS, type RegimeConfig, type RegimeResult } from '../../engine/regimes/index.ts';
import { compareEpisodes, regimeTable, resolveEpisode } from '../../engine/analysis/index.ts';
import { buildClaimContext, runScorecard } from '../../engine/claims/index.ts';
import { SECTION_TITLES, type ReportModel } from '../model.ts';
import { appendixSection, flattenParameters } from './appendix-section.ts';
import { episodesSection } from './episodes-section.ts';
import { liquiditySection } from './liquidity-section.ts';
import { headlineFrom, performanceSection } from './performance-section.ts';
import { runPlaybook } from './playbook-run.ts';
import { regimeHeatmapSection } from './regime-heatmap-section.ts';
import { scorecardSection, verdictCounts } from './scorecard-section.ts';
import { regimeTimelineSection } from './timeline-section.ts';
import { codeVersion } from './version.ts';

/** What the demo report is built from: one dataset and what the engine derives from it. */
export interface DemoInputs {
  dataset: Dataset;
  panel: Panel;
  roles: Map<Role, RoleSeries>;
  regimes: RegimeResult;
}

export interface DemoOptions {
  /** ISO timestamp written into the report (default: now). Fix it for byte-identical output. */
  createdAt?: string;
  /** Regime definition (default: the article preset). */
  regime?: RegimeConfig;
  /** Run the article playbook and its benchmarks (default true). */
  playbook?: boolean;
  /** Episodes to compare (catalog ids, years, quarters or FROM..TO; default 2022 and 2025Q2). */
  episodes?: readonly string[];
}

/** Loads a data directory and derives the panel, role returns and regime labels. */
export function loadDemoInputs(dataDir: string, regime: RegimeConfig = REGIME_PRESETS.article): DemoInputs {
  const dataset = loadDataset(dataDir);
  const panel = buildPanel(dataset);
  const roles = buildRoles(panel);
  const regimes = computeRegimes(panel, regime);
  return { dataset, panel, roles, regimes };
}

/** Roles shown in the drawdown and rolling-Sharpe charts (all roles are in the growth chart and tables). */
const FOCUS_ROLES: readonly Role[] = ['us_large', 'us_small', 'emerging', 'gold', 'treasuries'];

/** Episodes compared by default (the article's Q4 and Q3 examples). */
export const DEFAULT_EPISODES = ['2022', '2025Q2'] as const;

/**
 * The whole report built in-process from a data directory: the regime engine's labels, the
 * liquidity dashboard, the article playbook against its benchmarks (engine/backtest +
 * strategies, `quadrant run`'s defaults), returns by regime, the claims scorecard, the episode
 * comparison and the appendix. Robustness (sweeps, deflated Sharpe, PBO, permutations) is left
 * out: see robustnessSection for the shape it takes.
 */
export function demoModel(inputs: DemoInputs, options: DemoOptions = {}): ReportModel {
  const { dataset, panel, roles, regimes } = inputs;
  const cal = panel.calendar;
  const riskFree = tbillReturns(panel);
  const version = codeVersion();
  const rolePortfolios = ROLES.map((role) => ({ key: role, label: ROLE_TITLES[role], returns: roles.get(role)!.returns }));
  const roleWindow = commonRoleWindow(roles, cal.length);
  const rolePerformance = performanceSection({
    calendar: cal,
    portfolios: rolePortfolios,
    riskFree,
    from: roleWindow.from,
    to: roleWindow.to,
    drawdownKeys: FOCUS_ROLES,
    rollingKeys: FOCUS_ROLES,
    idPrefix: 'roles',
  });
  const run = options.playbook === false ? undefined : runPlaybook(panel, roles, regimes.labels);
  const performanceInput = run && {
    calendar: cal,
    portfolios: run.portfolios,
    riskFree,
    from: run.start,
    to: run.end,
    idPrefix: 'strategy',
  };
  const strategyPerformance = performanceInput && performanceSection(performanceInput);
  const labelled = ROLES.map((role) => ({ name: ROLE_TITLES[role], returns: roles.get(role)!.returns }));
  const heatSeries = run ? [...labelled, { name: run.portfolios[0].label, returns: run.portfolios[0].returns }] : labelled;
  const stats = regimeTable(heatSeries, regimes.labels, cal, { riskFree, quadrants: [1, 2, 3, 4] });
  const claims = buildClaimContext(panel, roles, regimes.labels);
  const scorecard = runScorecard(claims);
  const episodes = compareEpisodes(
    { calendar: cal, labels: regimes.labels, returns: labelled, signals: [] },
    (options.episodes ?? DEFAULT_EPISODES).map(resolveEpisode),
  );
  const parameters = [
    { key: 'data.dir', value: dataset.dir },
    { key: 'data.calendar', value: `${CALENDAR_TICKER} sessions, ${isoDay(cal[0])} to ${isoDay(cal[cal.length - 1])} (${cal.length} days)` },
    ...ROLES.map((r) => ({ key: `roles.${r}`, value: roles.get(r)!.instruments.join(' → ') })),
    ...flattenParameters(regimes.config, 'regime'),
    ...(run?.parameters ?? []),
    { key: 'episodes', value: (options.episodes ?? DEFAULT_EPISODES).join(', ') },
    { key: 'claims.articleDay', value: isoDay(claims.articleDay) },
    { key: 'claims.bootstrap', value: `stationary bootstrap, ${claims.reps} resamples, seed ${claims.seed}, level ${claims.level}` },
  ];
  const config = [
    ...(run ? [{ key: 'Strategy', value: run.description }] : []),
    { key: 'Regime definition', value: `${regimes.config.name}: ${regimes.config.description}` },
    { key: 'Dollar index', value: regimes.config.dollarSource },
    { key: 'Data', value: `${dataset.dir}, last close ${isoDay(cal[cal.length - 1])}` },
  ];
  const performanceBlocks = [
    ...(strategyPerformance ? [{ kind: 'heading' as const, text: 'The playbook against its benchmarks' }, ...strategyPerformance.blocks] : []),
    { kind: 'heading' as const, text: 'Asset roles, buy and hold' },
    {
      kind: 'text' as const,
      paragraphs: [
        `Each asset role from ${isoDay(cal[roleWindow.from])}, the first day every role trades as its own instrument, to ${isoDay(cal[roleWindow.to])}, its last such day. Roles chain to fall-back instruments as listed in the appendix.`,
      ],
    },
    ...rolePerformance.blocks,
  ];
  return {
    schema: 'quadrant.report/1',
    title: 'Quadrant: Fed liquidity × US dollar regimes',
    subtitle: run ? `The article playbook, ${isoDay(cal[run.start])} to ${isoDay(cal[run.end])}` : 'Data, regimes and liquidity',
    createdAt: options.createdAt ?? new Date().toISOString(),
    question:
      'Do the four quadrants of Fed liquidity (easing or tightening) and the US dollar (weakening or strengthening) sort the returns of global asset classes the way the article of 19 January 2026 says, and does a playbook built on them beat simple benchmarks?',
    config,
    headline: performanceInput ? headlineFrom(performanceInput) : undefined,
    sections: {
      summary: {
        title: SECTION_TITLES.summary,
        blocks: [
          { kind: 'heading', text: "Verdicts on the article's claims" },
          verdictCounts(scorecard),
          {
            kind: 'note',
            tone: 'info',
            text: 'Built in-process from the data (regimes, backtest with `quadrant run` defaults, validation). The robustness section (parameter sweep, deflated Sharpe ratio, probability of overfitting, permutation test) is not included yet.',
          },
        ],
      },
      'regime-timeline': regimeTimelineSection(panel, regimes),
      liquidity: liquiditySection(panel),
      performance: { title: SECTION_TITLES.performance, blocks: performanceBlocks },
      'regime-heatmap': regimeHeatmapSection(stats),
      scorecard: scorecardSection(scorecard),
      episodes: episodesSection(episodes, { pathOf: [ROLE_TITLES.us_large, ROLE_TITLES.china_hk] }),
      appendix: appendixSection({
        dataset,
        version,
        parameters,
        segments: roleSegments(panel, roles),
        command: `buildDemoModel('${dataset.dir}') (library); from the command line: quadrant run --data ${dataset.dir} --run-dir DIR --report html,pdf`,
      }),
    },
  };
}

/** {@link demoModel} from a data directory. */
export function buildDemoModel(dataDir: string, options: DemoOptions = {}): ReportModel {
  return demoModel(loadDemoInputs(dataDir, options.regime), options);
}

/**
 * First and last calendar index on which every role's return comes from one of its own
 * instruments (not the T-bill fill used before an ETF exists and after its data ends); the
 * cash role counts T-bills as its own. Falls back to the whole calendar when there is none.
 */
export function commonRoleWindow(roles: ReadonlyMap<Role, RoleSeries>, n: number): { from: number; to: number } {
  let from = 1;
  let to = n - 1;
  for (const rs of roles.values()) {
    if (rs.role === 'cash') continue;
    const own = (t: number) => rs.source[t] >= 0 && rs.instruments[rs.source[t]] !== TBILL;
    let a = 1;
    while (a < n && !own(a)) a++;
    let b = n - 1;
    while (b > a && !own(b)) b--;
    from = Math.max(from, a);
    to = Math.min(to, b);
  }
  if (from >= to) return { from: 0, to: n - 1 };
  // The NAV starts at the close before the first own return.
  return { from: from - 1, to };
}
