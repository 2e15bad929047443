//! Queries of `methods` and `security_answers`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamp};

use super::DbConn;
use super::schema::{methods, security_answers, users};
use crate::error::Error;

pub const PENDING: &str = "pending";
pub const ACTIVE: &str = "active";

/// A method row. No `Debug`: it holds a sealed secret.
#[derive(Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = methods, treat_none_as_null = true)]
pub struct MethodRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub status: String,
    /// The kind's own data as JSON (`methods::data::MethodData`): an address or number, a
    /// sealed seed and its last step, … — one column for every kind.
    pub data: String,
    pub created_at: NaiveDateTime,
    pub activated_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    /// 1 when added or replaced as a change (not the first set): it waits out the policy's
    /// recovery cool-down before a reset offers it.
    pub held: i32,
}

pub fn insert(conn: &mut DbConn, row: &MethodRow) -> Result<(), Error> {
    diesel::insert_into(methods::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn save(conn: &mut DbConn, row: &MethodRow) -> Result<(), Error> {
    diesel::update(methods::table.filter(methods::id.eq(&row.id)))
        .set(row)
        .execute(conn)?;
    Ok(())
}

/// A method of this user (another user's method id finds nothing).
pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> Result<Option<MethodRow>, Error> {
    Ok(methods::table
        .filter(methods::id.eq(id))
        .filter(methods::user_id.eq(user_id))
        .select(MethodRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn for_user(conn: &mut DbConn, user_id: &str) -> Result<Vec<MethodRow>, Error> {
    Ok(methods::table
        .filter(methods::user_id.eq(user_id))
        .order((methods::created_at.asc(), methods::id.asc()))
        .select(MethodRow::as_select())
        .load(conn)?)
}

/// What a start reads, in one statement: the current policy's document (none saved yet:
/// `None`), the
/// person's methods (in [`for_user`]'s order), how many security answers they gave and the
/// language they chose. Without a method the last two are not read (0 and none): nothing is
/// offered then, and a decoy is started. A decoy's id runs the same statement, finding only
/// the policy.
pub struct ForStart {
    pub policy: Option<String>,
    pub methods: Vec<MethodRow>,
    pub answers: usize,
    pub language: Option<String>,
}

/// One row of [`for_start`]'s statement: the policy beside each method (or beside none).
#[derive(QueryableByName)]
struct StartRow {
    #[diesel(sql_type = Nullable<Text>)]
    p_document: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    m_id: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    m_user_id: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    m_kind: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    m_status: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    m_data: Option<String>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    m_created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    m_activated_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    m_updated_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Integer>)]
    m_held: Option<i32>,
    #[diesel(sql_type = Nullable<BigInt>)]
    answers: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    language: Option<String>,
}

/// [`for_start`]'s statement: a one-row anchor, the newest policy beside it and the person's
/// methods (whose id is bound between the two halves) beside that. A query type of its own,
/// rather than `sql_query`, so that diesel keeps it prepared on each connection.
struct ForStartQuery<'a>(&'a str);

const FOR_START_HEAD: &str = "SELECT p.document AS p_document, \
    m.id AS m_id, m.user_id AS m_user_id, m.kind AS m_kind, m.status AS m_status, m.data AS m_data, \
    m.created_at AS m_created_at, m.activated_at AS m_activated_at, \
    m.updated_at AS m_updated_at, m.held AS m_held, \
    (SELECT count(*) FROM security_answers AS a WHERE a.user_id = m.user_id) AS answers, \
    (SELECT c.language FROM accounts AS c WHERE c.id = m.user_id) AS language \
    FROM (SELECT 1 AS one) AS anchor \
    LEFT JOIN (SELECT document FROM policy_versions ORDER BY version DESC LIMIT 1) AS p ON 1 = 1 \
    LEFT JOIN methods AS m ON m.user_id = ";
const FOR_START_TAIL: &str = " ORDER BY m.created_at, m.id";

impl<DB> QueryFragment<DB> for ForStartQuery<'_>
where
    DB: diesel::backend::Backend + diesel::sql_types::HasSqlType<Text>,
    str: diesel::serialize::ToSql<Text, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql(FOR_START_HEAD);
        out.push_bind_param::<Text, str>(self.0)?;
        out.push_sql(FOR_START_TAIL);
        Ok(())
    }
}

impl QueryId for ForStartQuery<'_> {
    type QueryId = ForStartQuery<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for ForStartQuery<'_> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<Conn> RunQueryDsl<Conn> for ForStartQuery<'_> {}

pub fn for_start(conn: &mut DbConn, user_id: &str) -> Result<ForStart, Error> {
    let rows: Vec<StartRow> =
        super::prepared::natively!(conn, |c| ForStartQuery(user_id).load(c)?);
    let first = rows.first();
    let policy = first.and_then(|r| r.p_document.clone());
    let answers = first.and_then(|r| r.answers).unwrap_or(0) as usize;
    let language = first.and_then(|r| r.language.clone());
    let methods = rows
        .into_iter()
        .filter_map(|r| {
            Some(MethodRow {
                id: r.m_id?,
                user_id: r.m_user_id?,
                kind: r.m_kind?,
                status: r.m_status?,
                data: r.m_data?,
                created_at: r.m_created_at?,
                activated_at: r.m_activated_at,
                updated_at: r.m_updated_at?,
                held: r.m_held?,
            })
        })
        .collect();
    Ok(ForStart {
        policy,
        methods,
        answers,
        language,
    })
}

/// `(user id, is_admin, kind, data)` of an active method.
pub type CensusRow = (String, i32, String, String);

/// Active methods of people who can sign in, with whether the person is an administrator, at
/// most `limit`, whole people first (for the decoys' census, `flows::phantom`).
pub fn census(conn: &mut DbConn, limit: i64) -> Result<Vec<CensusRow>, Error> {
    Ok(methods::table
        .inner_join(users::table)
        .filter(methods::status.eq(ACTIVE))
        .filter(users::disabled.eq(0))
        .order((methods::user_id.asc(), methods::id.asc()))
        .limit(limit)
        .select((
            methods::user_id,
            users::is_admin,
            methods::kind,
            methods::data,
        ))
        .load(conn)?)
}

pub fn delete(conn: &mut DbConn, id: &str) -> Result<usize, Error> {
    Ok(diesel::delete(methods::table.filter(methods::id.eq(id))).execute(conn)?)
}

/// Removes every method of `kind` of a user except `keep`.
pub fn delete_kind_except(
    conn: &mut DbConn,
    user_id: &str,
    kind: &str,
    keep: &str,
) -> Result<usize, Error> {
    Ok(diesel::delete(
        methods::table
            .filter(methods::user_id.eq(user_id))
            .filter(methods::kind.eq(kind))
            .filter(methods::id.ne(keep)),
    )
    .execute(conn)?)
}

pub fn delete_all_for_user(conn: &mut DbConn, user_id: &str) -> Result<usize, Error> {
    diesel::delete(security_answers::table.filter(security_answers::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(diesel::delete(methods::table.filter(methods::user_id.eq(user_id))).execute(conn)?)
}

/// Replaces a method's data only if it is still `old`: the row count says whether this change
/// won. Two requests that read the same data and both change it (two uses of one TOTP step)
/// cannot both succeed.
pub fn replace_data(conn: &mut DbConn, id: &str, old: &str, new: &str) -> Result<bool, Error> {
    let n = diesel::update(
        methods::table
            .filter(methods::id.eq(id))
            .filter(methods::data.eq(old)),
    )
    .set(methods::data.eq(new))
    .execute(conn)?;
    Ok(n == 1)
}

/// The data of one method, as stored now.
pub fn data(conn: &mut DbConn, id: &str) -> Result<Option<String>, Error> {
    Ok(methods::table
        .filter(methods::id.eq(id))
        .select(methods::data)
        .first(conn)
        .optional()?)
}

/// The relying party ids the registered passkeys are bound to.
pub fn passkey_rp_ids(conn: &mut DbConn) -> Result<Vec<String>, Error> {
    let rows: Vec<String> = methods::table
        .filter(methods::kind.eq("passkey"))
        .filter(methods::status.eq(ACTIVE))
        .select(methods::data)
        .load(conn)?;
    let mut ids: Vec<String> = rows
        .iter()
        .filter_map(|d| match crate::methods::data::MethodData::decode(d) {
            Ok(crate::methods::data::MethodData::Passkey { rp_id, .. }) => Some(rp_id),
            _ => None,
        })
        .collect();
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// One active method, briefly: (user id, method id, kind, data), for the policy impact report.
pub type ActiveBrief = (String, String, String, String);

/// Every active method.
pub fn all_active(conn: &mut DbConn) -> Result<Vec<ActiveBrief>, Error> {
    Ok(methods::table
        .filter(methods::status.eq(ACTIVE))
        .select((methods::user_id, methods::id, methods::kind, methods::data))
        .load(conn)?)
}

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = security_answers)]
pub struct AnswerRow {
    pub user_id: String,
    pub question_id: String,
    pub answer_hash: String,
    pub created_at: NaiveDateTime,
}

pub fn replace_answers(conn: &mut DbConn, user_id: &str, rows: &[AnswerRow]) -> Result<(), Error> {
    diesel::delete(security_answers::table.filter(security_answers::user_id.eq(user_id)))
        .execute(conn)?;
    for row in rows {
        diesel::insert_into(security_answers::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

pub fn answers(conn: &mut DbConn, user_id: &str) -> Result<Vec<AnswerRow>, Error> {
    Ok(security_answers::table
        .filter(security_answers::user_id.eq(user_id))
        .select(AnswerRow::as_select())
        .load(conn)?)
}

/// (user_id, number of answers) for every user with answers.
pub fn answer_counts(conn: &mut DbConn) -> Result<Vec<(String, i64)>, Error> {
    Ok(security_answers::table
        .group_by(security_answers::user_id)
        .select((security_answers::user_id, diesel::dsl::count_star()))
        .load(conn)?)
}
