//! The one diesel schema shared by both backends (see `migrations/sqlite` and
//! `migrations/postgres`, which must stay column-for-column identical).

diesel::table! {
    users (id) {
        id -> Text,
        username -> Text,
        username_key -> Text,
        display_name -> Text,
        email -> Text,
        mobile_phone -> Nullable<Text>,
        is_admin -> Integer,
        disabled -> Integer,
        password_hash -> Nullable<Text>,
        failed_sign_ins -> Integer,
        lockouts -> Integer,
        locked_until -> Nullable<Timestamp>,
        password_changed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    accounts (id) {
        id -> Text,
        directory -> Text,
        directory_ref -> Text,
        session_epoch -> BigInt,
        must_change_password -> Integer,
        methods_confirmed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    groups (id) {
        id -> Text,
        name -> Text,
        name_key -> Text,
        description -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    group_members (group_id, user_id) {
        group_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        began_without_methods -> Integer,
        elevated_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    policy_versions (version) {
        version -> BigInt,
        document -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Text,
        at -> Timestamp,
        event_type -> Text,
        outcome -> Text,
        actor_id -> Nullable<Text>,
        actor_name -> Nullable<Text>,
        target_id -> Nullable<Text>,
        target_name -> Nullable<Text>,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        details -> Text,
    }
}

diesel::joinable!(group_members -> groups (group_id));
diesel::joinable!(group_members -> users (user_id));
diesel::joinable!(sessions -> accounts (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    ceremonies,
    users,
    accounts,
    groups,
    group_members,
    sessions,
    policy_versions,
    audit_events
);

diesel::table! {
    methods (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        status -> Text,
        created_at -> Timestamp,
        activated_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
        held -> Integer,
        data -> Text,
    }
}

diesel::table! {
    security_answers (user_id, question_id) {
        user_id -> Text,
        question_id -> Text,
        answer_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    verification_codes (id) {
        id -> Text,
        user_id -> Text,
        method_id -> Nullable<Text>,
        purpose -> Text,
        channel -> Text,
        destination -> Text,
        code_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        attempts -> Integer,
        max_attempts -> Integer,
        consumed_at -> Nullable<Timestamp>,
        superseded -> Integer,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        claim_token -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        given_up_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(methods -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(methods, users);

diesel::table! {
    recovery_flows (id) {
        id -> Text,
        user_id -> Nullable<Text>,
        username_key -> Text,
        purpose -> Text,
        status -> Text,
        step -> BigInt,
        methods_required -> Integer,
        methods_offered -> Text,
        methods_passed -> Text,
        questions_asked -> Nullable<Text>,
        failures -> Integer,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        is_admin -> Integer,
        phantom -> Nullable<Text>,
        language -> Text,
    }
}

diesel::table! {
    rate_events (id) {
        id -> Text,
        bucket -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    captcha_uses (challenge) {
        challenge -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    password_history (id) {
        id -> Text,
        user_id -> Text,
        password_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    ceremonies (owner, method_id) {
        owner -> Text,
        method_id -> Text,
        state -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        name -> Text,
        mac -> Text,
        scopes -> Text,
        allowed_addresses -> Text,
        expires_at -> Nullable<Timestamp>,
        created_by -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        last_used_from -> Nullable<Text>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        url -> Text,
        events -> Text,
        secret_sealed -> Text,
        description -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
    }
}
