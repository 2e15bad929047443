//! The security suite: every attack of `../shared/SECURITY.md`, sent over HTTP to the real
//! server on SQLite and PostgreSQL, checking the answer and that nothing changed. Tests are named
//! `item_NN_…` after the catalogue's numbering, so the list below reads against it:
//!
//! | # | where |
//! |---|---|
//! | 1 | `enumeration::item_01_…` (existing, unknown, disabled, locked, out-of-scope, unregistered) |
//! | 2 | `enumeration::item_02_…` (no inline delivery); the timing itself: `bench/` → docs/PERFORMANCE.md |
//! | 3 | `enumeration::item_03_…` (mail server and gateway down) |
//! | 4–11 | `codes::item_04_…` … `codes::item_11_…` |
//! | 12 | unit tests of `sspr::methods::codes` (CSPRNG, leading zeros, uniformity: not visible over HTTP) |
//! | 13–17 | `flow_token::item_13_…` … `flow_token::item_17_…` (session tokens: `tokens::forged_and_altered_tokens_are_refused`) |
//! | 18–20 | `races::item_18_…` … `races::item_20_…`; across three processes: `replicas` |
//! | 21–23 | `throttling::item_21_…` … `throttling::item_23_…` |
//! | 24–26 | `passwords::item_24_…` … `passwords::item_26_…` |
//! | 27–28 | `input::item_27_…` (SQL metacharacters are among the bodies it sends) |
//! | 29–33 | `admin::item_29_…` … `admin::item_33_…` |
//! | 34–35 | `after_reset::item_34_…`, `after_reset::item_35_…` |
//! | 36–43 | `found_since::item_36_…` … `found_since::item_43_…`, and `found_since::review_…` for the smaller holes of the security review (issue 12) |
//! | no secret in logs | `replicas` searches the logs of three real processes after their journeys |

mod admin;
mod after_reset;
mod codes;
mod enumeration;
mod flow_token;
mod found_since;
mod input;
mod passwords;
mod races;
mod throttling;
