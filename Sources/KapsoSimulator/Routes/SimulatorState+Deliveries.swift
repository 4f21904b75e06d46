// MARK: - Outbound webhook deliveries

/// A delivery to a loopback receiver that still has attempts to make.
struct PendingAttempt: Sendable {
    var target: WebhookSender.Target
    var body: [UInt8]
    var headers: [(name: String, value: String)]
    var url: String
    /// When the next attempt is due on the simulator's clock.
    var due: Timestamp
}

extension SimulatorState {
    /// Seconds between a failed attempt and the next (before time scaling): 4 attempts in all.
    static let retryDelays: [Double] = [10, 40, 90]

    /// Records a delivery of `body` to `webhook` and sends it: for real to loopback receivers (attempt 1 now,
    /// retries on the retry schedule), simulated for any other URL (by the seed's receiver outcomes; 200 by
    /// default, written at once).
    func deliver(event: String, body: JSONValue, to webhook: JSONObject, contact: String?, now: Timestamp) {
        let id = ids.uuid()
        deliveryCount += 1
        let url = webhook["url"]?.stringValue ?? ""
        let configID = webhook["phone_number_id"]?.stringValue.flatMap { phoneNumbers[$0]?.json["internal_id"] }
        var json = DeliveryTarget(webhook: webhook, configID: configID ?? .null).row(
            id: id, event: event, fields: DeliveryOutcome.retrying(status: nil, attempts: 0).fields(createdAt: now),
            contact: contact)
        json["last_attempt_at"] = .null
        deliveries.insert(Record(id: id, sortTime: now, json: json))

        guard let target = WebhookSender.loopbackTarget(url) else {
            // Attempt 1 now; any later attempt on the retry schedule of the simulator's clock, as for loopback
            // receivers, so no row is stamped in the simulated future.
            simulatedAttempts[id] = (receiverOutcomes[url] ?? .delivered(), now)
            simulatedAttempt(id, number: 1)
            return
        }
        let bytes = body.encoded
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("X-Webhook-Event", event),
            ("X-Webhook-Signature", WebhookSignature.hex(body: bytes, secret: webhook["secret_key"]?.stringValue ?? "")),
            // kapso-api.md §10.1: a UUID per delivery for kapso kind, the payload's SHA-256 for meta kind.
            ("X-Idempotency-Key", webhook["kind"]?.stringValue == "meta" ? WebhookSignature.sha256Hex(bytes) : ids.uuid()),
        ]
        if let version = webhook["payload_version"]?.stringValue { headers.append(("X-Webhook-Payload-Version", version)) }
        if body["batch"] == true {
            headers += [("X-Webhook-Batch", "true"), ("X-Batch-Size", String(body["data"]?.arrayValue?.count ?? 0))]
        }
        for member in webhook["headers"]?.objectValue?.members ?? [] {
            if let value = member.value.stringValue { headers.append((member.key, value)) }
        }
        pendingAttempts[id] = PendingAttempt(target: target, body: bytes, headers: headers, url: url, due: now)
        startAttempt(id, number: 1)
    }

    /// Starts attempt `number` without waiting for it (a request must not wait on a slow receiver); a clock
    /// advance waits for it (`advanceClock`).
    func startAttempt(_ id: String, number: Int) {
        attemptSerial += 1
        let key = attemptSerial
        // Runs on this actor once the caller returns, so it is in `runningAttempts` before it can end.
        runningAttempts[key] = Task {
            await self.attempt(id, number: number)
            self.runningAttempts[key] = nil
        }
    }

    /// Makes attempt `number` of a pending delivery and records its result; a failure schedules the next
    /// attempt `retryDelays` later (scaled) on the simulator's clock, until the fourth gives up.
    func attempt(_ id: String, number: Int) async {
        guard !isStopped, let pending = pendingAttempts[id] else { return }
        let status = await WebhookSender.post(to: pending.target, body: pending.body, headers: pending.headers)
        guard !isStopped else { return }
        let outcome: DeliveryOutcome
        if let status, (200..<300).contains(status) {
            outcome = .delivered(status: status, attempts: number)
        } else if number > Self.retryDelays.count {
            outcome = .failed(status: status, attempts: number)
        } else {
            outcome = .retrying(status: status, attempts: number)
        }
        finishDelivery(id, outcome: outcome, attemptedAt: pending.due)
        emit("delivery \(id) -> \(pending.url): attempt \(number) \(status.map(String.init) ?? "no response"), \(Self.describe(outcome))")
        guard case .retrying = outcome else {
            pendingAttempts[id] = nil
            return
        }
        let due = pending.due.adding(micros: scaled(seconds: Self.retryDelays[number - 1]))
        pendingAttempts[id]?.due = due
        schedule(.attempt(deliveryID: id, number: number + 1), at: due)
    }

    /// Records attempt `number` of a delivery to a simulated receiver: the seed's outcome once its attempt count is
    /// reached, a failed attempt (the outcome's status, none for a delivery that succeeds later) before that.
    func simulatedAttempt(_ id: String, number: Int) {
        guard let pending = simulatedAttempts[id] else { return }
        let final = pending.outcome
        let finalAttempts: Int
        let failedStatus: Int?
        switch final {
        case .delivered(_, let attempts): (finalAttempts, failedStatus) = (attempts, nil)
        case .retrying(let status, let attempts), .failed(let status, let attempts): (finalAttempts, failedStatus) = (attempts, status)
        }
        let url = deliveries[id]?.json["webhook_url"]?.stringValue ?? ""
        let outcome: DeliveryOutcome =
            number >= finalAttempts ? final : .retrying(status: failedStatus, attempts: number)
        finishDelivery(id, outcome: outcome, attemptedAt: pending.due)
        emit("delivery \(id) -> \(url): attempt \(number), \(Self.describe(outcome)) (simulated receiver)")
        guard number < finalAttempts, number <= Self.retryDelays.count else {
            simulatedAttempts[id] = nil
            return
        }
        let due = pending.due.adding(micros: scaled(seconds: Self.retryDelays[number - 1]))
        simulatedAttempts[id]?.due = due
        schedule(.simulatedAttempt(deliveryID: id, number: number + 1), at: due)
    }

    /// Writes an attempt's result into the delivery row; a real attempt is stamped with the time it was made.
    private func finishDelivery(_ id: String, outcome: DeliveryOutcome, attemptedAt: Timestamp?) {
        deliveries.update(id: id) { record in
            outcome.write(into: &record.json, createdAt: record.sortTime)
            guard let attemptedAt else { return }
            let time = JSONValue.string(attemptedAt.iso)
            record.json["last_attempt_at"] = time
            for key in ["delivered_at", "failed_at"] where !(record.json[key]?.isNull ?? true) {
                record.json[key] = time
            }
        }
    }

    private static func describe(_ outcome: DeliveryOutcome) -> String {
        switch outcome {
        case .delivered(let status, let attempts): "delivered (\(status), attempt \(attempts))"
        case .retrying(_, let attempts): "pending, retry \(attempts) of \(retryDelays.count) scheduled"
        case .failed(let status, let attempts): "failed (\(status.map(String.init) ?? "no response") after \(attempts) attempts)"
        }
    }
}
