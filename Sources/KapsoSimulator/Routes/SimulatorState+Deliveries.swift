// MARK: - Outbound webhook deliveries

extension SimulatorState {
    /// Records a delivery of `body` to `webhook` and sends it: for real to loopback receivers (up to 4 attempts),
    /// simulated for any other URL (by the seed's receiver outcomes; 200 by default).
    func deliver(event: String, body: JSONValue, to webhook: JSONObject, contact: String?, now: Timestamp) {
        let id = ids.uuid()
        deliveryCount += 1
        let url = webhook["url"]?.stringValue ?? ""
        var json: JSONObject = ["id": .string(id), "event": .string(event)]
        for (key, value) in DeliveryOutcome.retrying(status: nil, attempts: 0).fields(createdAt: now).members {
            json[key] = value
        }
        let phoneNumberID = webhook["phone_number_id"]?.stringValue
        json["last_attempt_at"] = .null
        json["webhook_id"] = webhook["id"] ?? .null
        json["webhook_url"] = .string(url)
        json["whatsapp_config_id"] = phoneNumberID.flatMap { phoneNumbers[$0]?.json["internal_id"] } ?? .null
        json["phone_number_id"] = JSONValue(phoneNumberID)
        json["conversation_phone_number"] = JSONValue(contact)
        deliveries.insert(Record(id: id, sortTime: now, json: json))

        guard let target = WebhookSender.loopbackTarget(url) else {
            finishDelivery(id, outcome: receiverOutcomes[url] ?? .delivered(), realTime: false)
            return
        }
        let bytes = body.encoded
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("X-Webhook-Event", event),
            ("X-Webhook-Signature", WebhookSignature.hex(body: bytes, secret: webhook["secret_key"]?.stringValue ?? "")),
            ("X-Idempotency-Key", ids.uuid()),
        ]
        if let version = webhook["payload_version"]?.stringValue { headers.append(("X-Webhook-Payload-Version", version)) }
        for (name, value) in webhook["headers"]?.objectValue?.members ?? [] {
            if let value = value.stringValue { headers.append((name, value)) }
        }
        Task { await self.attempt(id, target: target, body: bytes, headers: headers, number: 1) }
    }

    private func attempt(
        _ id: String, target: WebhookSender.Target, body: [UInt8], headers: [(name: String, value: String)],
        number: Int
    ) async {
        let status = await WebhookSender.post(to: target, body: body, headers: headers)
        if let status, (200..<300).contains(status) {
            finishDelivery(id, outcome: .delivered(status: status, attempts: number), realTime: true)
        } else if number >= 4 {
            finishDelivery(id, outcome: .failed(status: status, attempts: number), realTime: true)
        } else {
            finishDelivery(id, outcome: .retrying(status: status, attempts: number), realTime: true)
            // The 10/40/90 s schedule, scaled down 1000x so tests see every attempt.
            try? await Task.sleep(for: .milliseconds([10, 40, 90][number - 1]))
            await attempt(id, target: target, body: body, headers: headers, number: number + 1)
        }
    }

    /// Writes an attempt's result into the delivery row; real attempts are stamped with the clock's now.
    private func finishDelivery(_ id: String, outcome: DeliveryOutcome, realTime: Bool) {
        deliveries.update(id: id) { record in
            let created = record.sortTime
            for (key, value) in outcome.fields(createdAt: created).members where key != "created_at" {
                record.json[key] = value
            }
            guard realTime else { return }
            let now = clock.now.iso
            record.json["last_attempt_at"] = .string(now)
            for key in ["delivered_at", "failed_at"] where !(record.json[key]?.isNull ?? true) {
                record.json[key] = .string(now)
            }
        }
    }
}
