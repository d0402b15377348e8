//! Monthly cost estimates from `terraform show -json` plan documents and a
//! recorded price table (`pricing/prices.json`): per resource, per stack,
//! region and environment; what a change adds or saves (`compare`); and the
//! same capacity bought naively (x86 on-demand, gp2, fixed peak sizes) as a
//! benchmark for the cost levers.
//!
//! Nothing is counted as zero silently: a resource is priced, free (the
//! table says so), usage-based (the table says so; not estimated), or
//! unpriced (listed with the reason).

mod estimate;
mod prices;
mod render;

pub use estimate::{
    compare, estimate_plan, Comparison, Estimate, Line, StackDelta, Totals, Unpriced,
};
pub use prices::{PriceTable, PricesError};
pub use render::{render_compare, render_estimates};

/// Hours in a month as AWS bills them (365 * 24 / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;
