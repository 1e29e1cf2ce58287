-- Claims: who is working on a case right now. A claim is a lease (claimed_by, lease_until) granted by one
-- conditional UPDATE, so concurrent claims of one case have exactly one winner (the others wait until it commits,
-- re-check the condition on the committed row and find it held). Every grant increments claim_token, the
-- fencing token: casework writes must present the current one (SET LOCAL desk.claim_token, see cases_guard),
-- so a holder whose lease ran out and was taken over cannot land a late write.
-- The functions run as the owner, who alone may write the claim columns; the caller is session_user.
-- Errors: DK001 desk:stale_claim, DK002 desk:claimed_by_other, DK005 desk:case_not_found,
-- 22023 desk:invalid_lease.
CREATE FUNCTION desk_check_lease(lease interval) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  -- A claim that never runs out, or a day-long one, would hide a case from everyone after a crash.
  IF lease IS NULL OR lease <= interval '0' OR lease > interval '1 hour' THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('desk:invalid_lease: a lease must be longer than 0 and at most 1 hour, not %s', lease);
  END IF;
END $$;
--> statement-breakpoint
-- Explains why a claim operation found no row it could change: no such case, or someone else holds it.
CREATE FUNCTION desk_refuse_claim(wanted bigint, token bigint) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  found_case cases%ROWTYPE;
BEGIN
  SELECT * INTO found_case FROM cases WHERE id = wanted;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'DK005', MESSAGE = format('desk:case_not_found: no case %s', wanted);
  END IF;
  IF token IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'DK002',
      MESSAGE = format('desk:claimed_by_other: case %s is claimed by %s', wanted, found_case.claimed_by),
      DETAIL = format('The claim lasts until %s unless renewed.', found_case.lease_until);
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'DK001',
    MESSAGE = format('desk:stale_claim: claim token %s of case %s is no longer yours', token, wanted),
    DETAIL = format('The case is claimed by %s until %s (token %s).', coalesce(found_case.claimed_by, 'nobody'),
      coalesce(found_case.lease_until::text, '-'), found_case.claim_token),
    HINT = 'Claim the case again before changing it.';
END $$;
--> statement-breakpoint
-- Grants the caller a claim on a case that is free, expired or already theirs; returns the new claim token.
CREATE FUNCTION claim_case(case_id bigint, lease interval DEFAULT interval '5 minutes') RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  granted bigint;
BEGIN
  PERFORM desk_check_lease(lease);
  UPDATE cases c
     SET claimed_by = session_user, lease_until = now() + lease, claim_token = c.claim_token + 1
   WHERE c.id = claim_case.case_id
     AND (c.claimed_by IS NULL OR c.claimed_by = session_user OR c.lease_until <= now())
  RETURNING c.claim_token INTO granted;
  IF NOT FOUND THEN
    PERFORM desk_refuse_claim(claim_case.case_id, NULL);
  END IF;
  RETURN granted;
END $$;
--> statement-breakpoint
-- The heartbeat: extends a live claim the caller holds with this token; returns the new end of the lease.
CREATE FUNCTION renew_claim(case_id bigint, token bigint, lease interval DEFAULT interval '5 minutes')
RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  until timestamptz;
BEGIN
  PERFORM desk_check_lease(lease);
  UPDATE cases c
     SET lease_until = now() + lease
   WHERE c.id = renew_claim.case_id AND c.claimed_by = session_user AND c.claim_token = renew_claim.token
     AND c.lease_until > now()
  RETURNING c.lease_until INTO until;
  IF NOT FOUND THEN
    PERFORM desk_refuse_claim(renew_claim.case_id, renew_claim.token);
  END IF;
  RETURN until;
END $$;
--> statement-breakpoint
-- Gives a claim up. Releasing a claim that is already released (a retry after a lost reply) is not an error;
-- releasing one that someone else has since been granted is (DK001).
CREATE FUNCTION release_case(case_id bigint, token bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE cases c
     SET claimed_by = NULL, lease_until = NULL
   WHERE c.id = release_case.case_id AND c.claim_token = release_case.token AND c.claimed_by = session_user;
  IF FOUND THEN
    RETURN;
  END IF;
  -- Already released (by this call before its reply was lost, or by a supervisor's reassignment): done.
  PERFORM 1 FROM cases c
   WHERE c.id = release_case.case_id AND c.claim_token = release_case.token AND c.claimed_by IS NULL;
  IF NOT FOUND THEN
    PERFORM desk_refuse_claim(release_case.case_id, release_case.token);
  END IF;
END $$;
--> statement-breakpoint
-- "Fetch next": the oldest complete, new, unassigned case nobody holds a live claim on is assigned to the caller,
-- moved to in_review and claimed, in one statement. SKIP LOCKED lets twenty handlers pressing the button at
-- once each take a different case instead of queueing on the first. No row returned: the queue is empty.
CREATE FUNCTION fetch_next_case(lease interval DEFAULT interval '5 minutes')
RETURNS TABLE (case_id bigint, claim_token bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM desk_check_lease(lease);
  RETURN QUERY
  WITH next AS (
    SELECT c.id
      FROM cases c
     WHERE c.status = 'new' AND c.assignee_id IS NULL AND c.complete_at IS NOT NULL
       AND (c.claimed_by IS NULL OR c.lease_until <= now())
     ORDER BY c.complete_at, c.id
     LIMIT 1
       FOR UPDATE SKIP LOCKED
  ), taken AS (
    UPDATE cases c
       SET assignee_id = session_user, status = 'in_review', claimed_by = session_user,
           lease_until = now() + lease, claim_token = c.claim_token + 1
      FROM next
     WHERE c.id = next.id
    RETURNING c.id, c.claim_token
  )
  SELECT taken.id, taken.claim_token FROM taken;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION desk_check_lease(interval), desk_refuse_claim(bigint, bigint),
  claim_case(bigint, interval), renew_claim(bigint, bigint, interval), release_case(bigint, bigint),
  fetch_next_case(interval) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION claim_case(bigint, interval), renew_claim(bigint, bigint, interval),
  release_case(bigint, bigint), fetch_next_case(interval) TO case_handler, supervisor;
