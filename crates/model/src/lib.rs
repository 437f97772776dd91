//! The domain's values, named once for every crate: a [`Source`] kept
//! byte-exact, the [`Quotation`]s it holds, each with its [`Credit`] and the
//! [`Standing`] of that credit (`record`); and what the engine answers about a
//! quotation: its [`Verdict`], each [`Match`] and the [`Chain`] of witnesses
//! (`answer`); and the passages reused across the corpus, each a
//! [`ReuseCluster`] of dated witnesses (`reuse`).
//!
//! Architecture invariant: this crate depends on nothing. Readers produce
//! these values, the store keeps them and the engine judges them, so naming
//! one must never pull in a parser, an index or a thread pool.

mod answer;
mod record;
mod reuse;

pub use answer::{
    Answer, Chain, CreditVerdict, Edit, Flag, FlagKind, Match, Nested, Omission, ReuseStep, ReuseTrail, Role,
    Similarity, Verdict, Witness,
};
pub use record::{Credit, Field, Origin, Quotation, Source, SourceKind, Standing};
pub use reuse::{ReuseCluster, ReuseMember, ReuseVerdict};
