//! Several writes of one step sent to PostgreSQL as one statement: every part but the last a
//! data-modifying `WITH` query, the last the statement's body (`WITH w0 AS (UPDATE …), w1 AS
//! (INSERT …) INSERT …`). PostgreSQL runs every part, each exactly once, whether or not the
//! body reads it, and all of them on the same snapshot: no part sees the rows another writes.
//! So only writes that touch different rows go together (a new row beside an update of older
//! ones, an audit row beside the change it records); a write that must see an earlier one's
//! effect stays a statement of its own.

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::{QueryResult, RunQueryDsl};

/// The parts, in the order they are written; the last is the body.
pub struct Together<'a>(pub &'a [&'a dyn QueryFragment<Pg>]);

impl QueryFragment<Pg> for Together<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        let Some((body, parts)) = self.0.split_last() else {
            return Err(diesel::result::Error::QueryBuilderError(
                "no statement to send".into(),
            ));
        };
        for (i, part) in parts.iter().enumerate() {
            out.push_sql(if i == 0 { "WITH " } else { ", " });
            out.push_sql(&format!("w{i} AS ("));
            part.walk_ast(out.reborrow())?;
            out.push_sql(")");
        }
        if !parts.is_empty() {
            out.push_sql(" ");
        }
        body.walk_ast(out.reborrow())
    }
}

impl QueryId for Together<'_> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Conn> RunQueryDsl<Conn> for Together<'_> {}
