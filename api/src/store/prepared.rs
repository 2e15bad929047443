//! Statements kept prepared on their connection that diesel would prepare again at every call,
//! run on the backend's own connection.
//!
//! - Diesel keeps a statement prepared only when its SQL cannot vary with the values it is
//!   given, so it never keeps an `UPDATE` nor an `INSERT` of a row with optional columns (the
//!   SQL of an absent value differs); PostgreSQL then parses and plans it at every call, SQLite
//!   compiles it. Keyed by its SQL text instead, such a statement is just as safe to keep: each
//!   text is a statement of its own. For statements of a fixed shape only: a list of varying
//!   length would keep one statement per length.
//! - [`super::DbConn`], diesel's connection to either backend, writes out the SQL of every
//!   query it runs at every call (to hand it on to the backend's connection); the backend's own
//!   connection does not for a statement it keeps.

use diesel::backend::Backend;
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sqlite::Sqlite;
use diesel::{QueryResult, RunQueryDsl};

use super::DbConn;

/// `Q`, kept prepared by its SQL text.
pub struct Prepared<Q>(pub Q);

impl<Q, DB> QueryFragment<DB> for Prepared<Q>
where
    DB: Backend,
    Q: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &DB) -> QueryResult<bool> {
        Ok(true)
    }
}

/// No type of its own: the statement cache keys it by its SQL text (and its values' types).
impl<Q> QueryId for Prepared<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Prepared<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, Conn> RunQueryDsl<Conn> for Prepared<Q> {}

/// Runs `query` (an `INSERT`, `UPDATE` or `DELETE`), kept prepared; the rows it changed.
pub fn execute<Q>(conn: &mut DbConn, query: Q) -> Result<usize, diesel::result::Error>
where
    Q: QueryFragment<Pg> + QueryFragment<Sqlite>,
{
    match conn {
        DbConn::Pg(pg) => Prepared(query).execute(pg),
        DbConn::Sqlite(lite) => Prepared(query).execute(lite),
    }
}

/// `$body` run with `$c` the backend's own connection, for a query written once but typed for
/// one backend (`as_select()`): each arm builds it for its own.
macro_rules! natively {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::store::DbConn::Pg($c) => $body,
            $crate::store::DbConn::Sqlite($c) => $body,
        }
    };
}
pub(super) use natively;
