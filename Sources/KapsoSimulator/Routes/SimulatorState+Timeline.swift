// MARK: - Scheduled events: status progression, retries, the clock

extension SimulatorState {
    /// A sent message is delivered this many seconds after sending, then read (before time scaling).
    static let progression: [(status: String, seconds: Double)] = [("delivered", 2), ("read", 5)]

    /// `seconds` of the retry schedule or progression, divided by the time scale, in microseconds.
    func scaled(seconds: Double) -> Int64 {
        Int64((seconds / timeScale * 1_000_000).rounded())
    }

    /// Plans a just-sent message's `delivered` and `read` statuses (Meta sends only `sent` for reactions).
    func scheduleProgression(of messageID: String, type: String, sentAt: Timestamp) {
        guard type != "reaction" else { return }
        for step in Self.progression {
            schedule(.status(messageID: messageID, status: step.status), at: sentAt.adding(micros: scaled(seconds: step.seconds)))
        }
    }

    func schedule(_ event: Timeline.Event, at due: Timestamp) {
        guard !isStopped else { return }
        timeline.schedule(event, at: due)
        armWakeUp()
    }

    /// Runs every event whose time has come. Waiting for each webhook attempt lets the retries it schedules
    /// that are already due run too (clock advances, wake-ups); a request only starts them, as it must not
    /// wait on a slow receiver.
    func runDue(waitingForAttempts wait: Bool) async {
        while let (due, event) = timeline.popDue(now: clock.now) {
            switch event {
            case .status(let id, let status): applyStatus(status, to: id, at: due)
            case .attempt(let id, let number) where wait: await attempt(id, number: number)
            case .attempt(let id, let number): startAttempt(id, number: number)
            case .simulatedAttempt(let id, let number): simulatedAttempt(id, number: number)
            }
        }
    }

    /// How long a clock advance waits, in all, for webhook attempts that were already running when it came
    /// (each attempt gives up after 10 s): past it, the advance answers with those still running counted.
    static let runningAttemptsWait = Duration.seconds(20)

    /// Moves the clock forward and runs everything that became due, webhook attempts included, and returns once
    /// they have ended: attempts already running (started by a request just before) are waited for, and the
    /// retries they schedule that are now due run too. So `sim advance 150; deliveries` shows the final rows.
    func advanceClock(byMicroseconds micros: Int64) async -> Timestamp {
        clock.advance(byMicroseconds: micros)
        emit("clock advanced by \(Double(micros) / 1_000_000) s to \(clock.now.iso)")
        await runDue(waitingForAttempts: true)
        let deadline = ContinuousClock.now + Self.runningAttemptsWait
        while let running = runningAttempts.min(by: { $0.key < $1.key })?.value, ContinuousClock.now < deadline {
            await running.value
            await runDue(waitingForAttempts: true)
        }
        return clock.now
    }

    // On the wall clock, events also run when their time comes with no request to trigger them; a fixed clock
    // moves only when advanced.
    private func armWakeUp() {
        guard !clock.isFixed, !isStopped, let due = timeline.nextDue else { return }
        if let armed = wakeUp, armed.due <= due { return }
        wakeUp?.task.cancel()
        let delay = max(0, due.micros - clock.now.micros)
        let task = Task {
            try? await Task.sleep(for: .microseconds(delay))
            guard !Task.isCancelled else { return }
            await self.wake()
        }
        wakeUp = (due, task)
    }

    private func wake() async {
        wakeUp = nil
        await runDue(waitingForAttempts: true)
        armWakeUp()
    }

    /// Appends a status to a sent message, logs it, and tells the number's subscribed webhooks.
    func applyStatus(_ status: String, to messageID: String, at time: Timestamp) {
        guard let record = messages[messageID], record.json["kapso"]?["status"]?.stringValue != "failed" else { return }
        let recipient = record.json["to"]?.stringValue ?? record.json["to_user_id"]?.stringValue ?? ""
        let updated = messages.update(id: messageID) { record in
            var kapso = record.json["kapso"]?.objectValue ?? [:]
            // Priced as its sent status was (a template by its category).
            let pricing = kapso["statuses"]?.arrayValue?.lazy.compactMap { $0["pricing"] }.first
            let entry = MessageJSON.statusEntry(
                id: messageID, status: status, at: time, recipient: recipient, priced: status != "read", pricing: pricing)
            kapso["status"] = .string(status)
            kapso["statuses"] = .array((kapso["statuses"]?.arrayValue ?? []) + [entry])
            record.json["kapso"] = .object(kapso)
        }
        emit("message \(messageID) \(status)")
        guard let message = updated?.json else { return }
        emitMessageEvent("whatsapp.message.\(status)", message: message, sequence: Int(record.cursorID), at: time)
    }

    /// Delivers a message event to the active number-scoped webhooks that want it: kapso webhooks subscribed
    /// to it, and the number's meta forwarder (which gets every message event).
    func emitMessageEvent(
        _ event: String, message: JSONObject, sequence: Int?, isNewConversation: Bool = false, at time: Timestamp
    ) {
        let kapso = message["kapso"]
        guard let phoneNumberID = kapso?["phone_number_id"]?.stringValue, let number = phoneNumbers[phoneNumberID],
            let conversation = kapso?["whatsapp_conversation_id"]?.stringValue.flatMap({ conversations[$0] })
        else { return }
        for webhook in webhooks.records.map(\.json) where webhook["phone_number_id"]?.stringValue == phoneNumberID {
            let subscribed = webhook["events"]?.arrayValue?.contains(.string(event)) ?? false
            guard webhook["active"] == true, subscribed || webhook["kind"] == "meta" else { continue }
            let body = WebhookPayload.message(
                event: event, message: message, conversation: conversation.json, number: number.json, webhook: webhook,
                isNewConversation: isNewConversation, sequence: sequence)
            let contact = kapso?["phone_number"]?.stringValue ?? message["to_user_id"]?.stringValue ?? message["from_user_id"]?.stringValue
            deliver(event: event, body: body, to: webhook, contact: contact, now: time)
        }
    }
}
