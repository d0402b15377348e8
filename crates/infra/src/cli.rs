//! Command-line argument types (clap derive) and nothing else.

use clap::{Args, Parser, Subcommand, ValueEnum};

pub const LONG_ABOUT: &str = "\
Deploys the platform's Terraform stack graph (`infrastructure/stacks/stacks.toml`) for one
environment, locally against the emulator (`--target local`, the default) or on AWS.

The repository is found from `INFRA_ROOT` or by searching upward from the current directory
for `infrastructure/stacks/stacks.toml`. infra writes under `INFRA_HOME` (default `<root>/.infra`):
`<target>/work/<stack>/` (terraform data dir, plan, inputs), `<target>/logs/<stack>.log` (full
terraform output), `<target>/state/` (bootstrap state) and `emulator/`.

Environment variables: INFRA_ROOT, INFRA_HOME, INFRA_PROVIDER_MIRROR (a provider mirror other
than the one in `infrastructure/terraform.rc`), INFRA_LOCAL_ENDPOINT (use this endpoint instead of
the managed emulator), INFRA_TERRAFORM (terraform executable, default `terraform`), INFRA_KUBECTL
(kubectl executable for `gitops bootstrap` and `up --target aws`, default `kubectl`).

Exit codes:
  0    success
  1    failure: a stack failed, terraform error, emulator failure, a doctor check failed,
       `check`: a policy violation not in the allow-list, `cost --strict`: an unpriced resource
  2    `infra plan` only: changes pending
  3    invalid input: bad flags, unknown environment or region, invalid environment data,
       missing `--confirm`, wrong AWS account
  130  interrupted (Ctrl-C / SIGTERM): running terraform processes were stopped cleanly";

#[derive(Debug, Parser)]
#[command(name = "infra", version, about = "Deploy the platform's Terraform stacks", long_about = LONG_ABOUT)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// The local emulator.
    Local,
    /// Real AWS (the caller's credentials must be the environment's account).
    Aws,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Environment (a file in `infrastructure/environments/`).
    #[arg(long, global = true, default_value = "dev", value_name = "ENV")]
    pub env: String,
    /// Regions, comma-separated (default: all regions of the environment).
    #[arg(long, global = true, value_delimiter = ',', value_name = "REGIONS")]
    pub region: Vec<String>,
    /// Where to deploy.
    #[arg(long, global = true, value_enum, default_value = "local")]
    pub target: TargetArg,
    /// One JSON document on stdout, no progress.
    #[arg(long, global = true)]
    pub json: bool,
    /// Only errors and the result.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// More detail.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Terraform processes (stacks) at once.
    #[arg(long, global = true, default_value_t = 4, value_name = "N")]
    pub parallelism: usize,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate, then init/plan/apply every stack of the environment in dependency order;
    /// with `--target aws`, then bootstrap Argo CD on the clusters (`gitops bootstrap`).
    Up(UpArgs),
    /// Plan every stack; change nothing (exit 2 when changes are pending).
    Plan,
    /// Destroy the stacks in reverse order (bootstrap kept unless `--include-bootstrap`).
    Destroy(DestroyArgs),
    /// Show the outputs of each stack.
    Output(OutputArgs),
    /// Show the stack instances and their edges (no terraform run).
    Graph(GraphArgs),
    /// Check the machine: terraform, provider mirror, CLI config, python and moto, emulator.
    Doctor,
    /// Validate the environment data and the stack graph only.
    Validate,
    /// Manage the local emulator.
    Emulator(EmulatorArgs),
    /// The plan gate: plan every stack (or read saved plans) and evaluate the
    /// Rego policies in `policy/` (exit 1 on a violation not in the allow-list).
    Check(CheckArgs),
    /// Monthly cost estimate per stack, region and environment from the plans
    /// (or saved plans), with `pricing/prices.json`; `--compare` for a change.
    Cost(CostArgs),
    /// Argo CD on the environment's clusters (docs/gitops.md).
    Gitops(GitopsArgs),
}

#[derive(Debug, Args)]
pub struct UpArgs {
    /// Do not bootstrap Argo CD after the stacks (`--target aws`); run
    /// `infra gitops bootstrap` later.
    #[arg(long)]
    pub skip_gitops: bool,
}

#[derive(Debug, Args)]
pub struct GitopsArgs {
    #[command(subcommand)]
    pub command: GitopsCommand,
}

#[derive(Debug, Subcommand)]
pub enum GitopsCommand {
    /// For each region, with kubectl as the cluster's admin role: a kubeconfig
    /// under `INFRA_HOME/<target>/kube/`, namespace `argocd`, the pinned Argo CD
    /// install (HA in production), a wait for it, the Argo CD cluster secret from
    /// the eks stack's `gitops_bridge`, and `kubectl apply -k gitops/clusters/<env>`.
    Bootstrap(BootstrapArgs),
}

#[derive(Debug, Args)]
pub struct BootstrapArgs {
    /// Print the kubectl commands, the kubeconfig and the documents; run nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Argo CD install manifest (file or URL) instead of the pinned upstream
    /// one, e.g. a mirror of the same version on a machine without internet.
    #[arg(long, value_name = "PATH_OR_URL")]
    pub argocd_manifest: Option<String>,
    /// How long to wait for Argo CD's CRDs and each controller's rollout
    /// (a kubectl duration).
    #[arg(long, default_value = "5m", value_name = "DURATION")]
    pub timeout: String,
}

#[derive(Debug, Args)]
pub struct PlanSource {
    /// Read saved plans (`terraform show -json` output, one `<stack-id>.json`
    /// per stack) from this directory instead of planning.
    #[arg(long, value_name = "DIR")]
    pub plan_dir: Option<std::path::PathBuf>,
    /// Also write the plan documents made by this run to this directory.
    #[arg(long, value_name = "DIR", conflicts_with = "plan_dir")]
    pub save_plans: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub source: PlanSource,
    /// Write SARIF 2.1.0 (GitHub code scanning) to this file.
    #[arg(long, value_name = "FILE")]
    pub sarif: Option<std::path::PathBuf>,
    /// Policy directory (default `<root>/policy`).
    #[arg(long, value_name = "DIR")]
    pub policy_dir: Option<std::path::PathBuf>,
    /// Allow-list (default `<policy dir>/exceptions.toml`).
    #[arg(long, value_name = "FILE")]
    pub exceptions: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct CostArgs {
    #[command(flatten)]
    pub source: PlanSource,
    /// Compare against the saved plans in this directory (the base, e.g. main):
    /// what the change adds or saves per month.
    #[arg(long, value_name = "BASE_DIR")]
    pub compare: Option<std::path::PathBuf>,
    /// Price table (default `<root>/pricing/prices.json`).
    #[arg(long, value_name = "FILE")]
    pub prices: Option<std::path::PathBuf>,
    /// One line per priced resource.
    #[arg(long)]
    pub detail: bool,
    /// Exit 1 when a resource cannot be priced.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct DestroyArgs {
    /// Required for production environments: repeat the environment name.
    #[arg(long, value_name = "ENV")]
    pub confirm: Option<String>,
    /// Destroy the bootstrap stacks (state buckets) too.
    #[arg(long)]
    pub include_bootstrap: bool,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Only these layers (repeatable or comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "LAYER")]
    pub stack: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Text,
    Dot,
    Mermaid,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: GraphFormat,
}

#[derive(Debug, Args)]
pub struct EmulatorArgs {
    #[command(subcommand)]
    pub command: EmulatorCommand,
}

#[derive(Debug, Subcommand)]
pub enum EmulatorCommand {
    /// Start the emulator (detached) and wait until it is healthy.
    Start {
        /// Port on 127.0.0.1 (default: a free one).
        #[arg(long)]
        port: Option<u16>,
    },
    /// Stop the managed emulator.
    Stop,
    /// Endpoint, pid and health of the managed emulator.
    Status,
}
