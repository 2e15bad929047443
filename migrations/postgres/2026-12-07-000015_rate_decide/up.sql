-- Issue 18: the limits of one request decided in one statement from the service. For each
-- bucket in order: an advisory lock on 'limit:' || bucket (the key the service's other limit
-- checks lock), held until the transaction ends; then every bucket's count since its time and
-- its oldest event, each a statement of its own inside the function (READ COMMITTED: a fresh
-- snapshot after the locks, so a concurrent decision on the same bucket is seen once it has
-- committed); then, when no bucket is full, the events of the buckets that record one. Returns
-- one row per bucket (its place from 1, how many events it holds, its oldest) for the service to say
-- which limit refused and when to come back.
CREATE FUNCTION rate_decide(
    buckets TEXT[], since TIMESTAMP[], maxes BIGINT[], records BOOLEAN[], ids TEXT[], at TIMESTAMP
) RETURNS TABLE (slot INTEGER, held BIGINT, first_at TIMESTAMP)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    i INTEGER;
    refused BOOLEAN := FALSE;
    counts BIGINT[] := '{}';
    oldests TIMESTAMP[] := '{}';
    c BIGINT;
    o TIMESTAMP;
BEGIN
    FOR i IN 1 .. coalesce(array_length(buckets, 1), 0) LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended('limit:' || buckets[i], 0));
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(buckets, 1), 0) LOOP
        SELECT count(*), min(r.at) INTO c, o
          FROM rate_events r WHERE r.bucket = buckets[i] AND r.at >= since[i];
        counts := counts || c;
        oldests := oldests || o;
        IF c >= maxes[i] THEN
            refused := TRUE;
        END IF;
    END LOOP;
    IF NOT refused THEN
        FOR i IN 1 .. coalesce(array_length(buckets, 1), 0) LOOP
            IF records[i] THEN
                INSERT INTO rate_events (id, bucket, at) VALUES (ids[i], buckets[i], at);
            END IF;
        END LOOP;
    END IF;
    RETURN QUERY SELECT g.i, counts[g.i], oldests[g.i]
        FROM generate_series(1, coalesce(array_length(buckets, 1), 0)) AS g(i);
END;
$$;
