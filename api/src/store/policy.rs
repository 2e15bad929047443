//! Queries of `policy_versions`: every saved policy is a new row; the highest version is current.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::policy_versions;
use crate::error::Error;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = policy_versions)]
pub struct PolicyRow {
    pub version: i64,
    pub document: String,
    pub created_at: NaiveDateTime,
    pub created_by: Option<String>,
}

/// The current policy's document (none saved yet: NULL) as a column of another query, so that
/// a step reads it in the same statement as its own row (`flows::find_with_policy`). A type of
/// its own rather than a `sql` literal, so that diesel keeps the query prepared.
#[derive(Debug, Clone, Copy, diesel::query_builder::QueryId)]
pub struct CurrentDocument;

impl diesel::expression::Expression for CurrentDocument {
    type SqlType = diesel::sql_types::Nullable<diesel::sql_types::Text>;
}

impl<DB: diesel::backend::Backend> diesel::query_builder::QueryFragment<DB> for CurrentDocument {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        out.push_sql(
            "(SELECT policy_versions.document FROM policy_versions \
             ORDER BY policy_versions.version DESC LIMIT 1)",
        );
        Ok(())
    }
}

impl<QS> diesel::expression::SelectableExpression<QS> for CurrentDocument {}
impl<QS> diesel::expression::AppearsOnTable<QS> for CurrentDocument {}
impl<GB> diesel::expression::ValidGrouping<GB> for CurrentDocument {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

pub fn current(conn: &mut DbConn) -> Result<Option<PolicyRow>, Error> {
    Ok(policy_versions::table
        .select(PolicyRow::as_select())
        .order(policy_versions::version.desc())
        .first(conn)
        .optional()?)
}

/// Inserts a version. Two administrators saving at once both try the same version number; the
/// primary key lets exactly one of them win (the other gets a unique violation → 409).
pub fn insert(conn: &mut DbConn, row: &PolicyRow) -> Result<(), Error> {
    diesel::insert_into(policy_versions::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}
