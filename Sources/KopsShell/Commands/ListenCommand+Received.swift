internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - One delivery: saved, verified, forwarded, answered

extension ListenCommand {
    /// One delivery as received: saved, verified and described; `finish` adds the handler's part, answers the
    /// sender and gives the line.
    struct Received {
        let time = ContinuousClock.now
        var text: String
        var bad = false
        var messageID: String?
        var saveProblem: String?
        /// The delivery as one JSON object, for `--output json` (NDJSON: one a line); `finish` adds the handler's part.
        var object: JSONObject
        let answer: (Int, [(name: String, value: String)], [UInt8]) -> Void

        /// Saves (first: a delivery is on disk before anything else can go wrong, Ctrl-C included) and verifies.
        init(
            _ request: IncomingRequest, number: Int, secret: Secret?, metaSecret: Secret?, saveFolder: String?,
            tally: inout Tally, answer: @escaping (Int, [(name: String, value: String)], [UInt8]) -> Void
        ) {
            self.answer = answer
            let reading = ReceivedDelivery(headers: request.headers, body: request.body, secret: secret, metaSecret: metaSecret)
            var text = "\(ListenCommand.clock()) \(VisibleText.escaped(reading.event))"
            if reading.batchSize > 1 { text += " ×\(reading.batchSize)" }
            if reading.phoneNumberIDs.count > 1 {
                // One body, several numbers' events: each is named, its items under it (tester61 AH14).
                text += " \(reading.phoneNumberIDs.count) numbers (\(reading.phoneNumberIDs.map { VisibleText.escaped($0) }.joined(separator: ", ")))"
            } else if let number = reading.phoneNumberID {
                text += " number \(VisibleText.escaped(number))"
            }
            // Every message and status of the body, and errors at every level (ReceivedDelivery.items, P26-7).
            let items = reading.itemsText
            if !items.isEmpty { text += " " + VisibleText.escaped(items) }
            if let problem = reading.bodyNote { text += "; \(problem)" }
            messageID = reading.messageID.map { VisibleText.escaped($0) }
            if request.method != "POST" {
                text += "; \(VisibleText.escaped(request.method)) instead of POST"
                bad = true
            }
            if let saveFolder {
                do {
                    _ = try DeliveryArchive.save(request, event: reading.event, number: number, in: saveFolder, at: Date())
                } catch {
                    saveProblem = "not saved: \(ListenCommand.reason(error))"
                }
            }
            let signature = reading.signature
            text += "; " + VisibleText.escaped(signature.shortText)
            if signature.isUnexplainedMismatch { tally.unexplainedMismatches += 1 }
            let verdict: String
            if signature.isValid {
                tally.verified += 1
                verdict = "verified"
            } else if case .otherFlag = signature {
                // Its own cause: the secret is right, the flag is not (the handler may have the same mix-up).
                tally.flagsSwapped += 1
                bad = true
                verdict = "flags_swapped"
            } else if let flag = signature.uncheckedFor {
                // Without the secret for it nothing could be verified, signed or not: not a failed verification.
                tally.notVerified[flag, default: 0] += 1
                verdict = "not_verified"
            } else {
                tally.unverified += 1
                bad = true
                verdict = "failed"
            }
            self.text = text
            var object: JSONObject = [
                "time": .string(ListenCommand.timestamp()), "delivery": .number(String(number)), "event": .string(reading.event),
                "kind": .string(reading.kind), "batch_size": .number(String(reading.batchSize)),
            ]
            // The line's own words for what the delivery says (ReceivedDelivery.itemsText: each message and status, a
            // template's or the account's event, a call, value errors), made visible as on the line, so a `jq -r .summary`
            // prints no control sequence a sender put in them (probe33: JSON had no summary at all).
            object["summary"] = .string(VisibleText.escaped(items))
            if reading.phoneNumberIDs.count > 1 {
                object["phone_number_ids"] = .array(reading.phoneNumberIDs.map(JSONValue.string))
            } else {
                object["phone_number_id"] = reading.phoneNumberID.map(JSONValue.string)
            }
            object["message_id"] = reading.messageID.map(JSONValue.string)
            object["message_status"] = reading.messageStatus.map(JSONValue.string)
            if reading.items.count > 1 || reading.items.contains(where: { !$0.errors.isEmpty || $0.kind == "call" }) {
                object["items"] = .array(reading.items.map { item in
                    var entry: JSONObject = ["kind": .string(item.kind)]
                    entry["id"] = item.id.map(JSONValue.string)
                    if reading.phoneNumberIDs.count > 1 { entry["phone_number_id"] = item.phoneNumberID.map(JSONValue.string) }
                    entry[item.kind == "status" ? "status" : item.kind == "call" ? "call" : "type"] = item.word.map(JSONValue.string)
                    if !item.errors.isEmpty { entry["errors"] = .array(item.errors.map(JSONValue.string)) }
                    return .object(entry)
                })
            }
            if !reading.valueErrors.isEmpty { object["errors"] = .array(reading.valueErrors.map(JSONValue.string)) }
            object["body_problem"] = reading.bodyNote.map(JSONValue.string)
            if request.method != "POST" { object["method"] = .string(request.method) }
            object["signature"] = .object(["result": .string(verdict), "text": .string(signature.shortText)])
            self.object = object
        }

        /// Answers the sender (the handler's status, 502 when it gave none, 200 when not forwarding) and returns
        /// the delivery's line.
        /// In JSON mode (`json`) the delivery is one compact JSON object on one line (NDJSON), redacted by `redactor`.
        func finish(
            _ forwarded: DeliveryForwarder.Forwarded?, width: Int?, tally: inout Tally, json: Bool = false,
            redactor: Redactor = Redactor()
        ) -> CommandResult {
            var text = text
            var bad = bad
            var preview: String?
            var object = object
            if let forwarded {
                let (described, style) = HandlerCall.describe(forwarded.outcome)
                text += forwarded.sent ? "; handler " + described : "; not forwarded: listen stopped (Ctrl-C)"
                var handler: JSONObject = ["forwarded": .bool(forwarded.sent), "ok": .bool(style != .bad)]
                if case .answered(let status, let seconds, _, _) = forwarded.outcome {
                    handler["status"] = .number(String(status))
                    handler["seconds"] = .number(String(format: "%.3f", seconds))
                }
                handler["text"] = .string(forwarded.sent ? described : "not forwarded: listen stopped (Ctrl-C)")
                object["handler"] = .object(handler)
                if forwarded.waited >= 0.5 {
                    text += " (\(HandlerCall.duration(forwarded.waited)) of it waiting in listen: \(DeliveryForwarder.limit) forwards at once)"
                }
                if style == .bad {
                    tally.handlerFailures += 1
                    bad = true
                }
                switch forwarded.outcome {
                case .answered(let status, _, let body, let headers):
                    if !(200..<300).contains(status) { preview = HandlerCall.bodyStart(body) }
                    answer(status, headers.filter { $0.name.lowercased() == "content-type" }, body)
                case .failed(let error):
                    let reason = forwarded.sent ? HandlerCall.reason(error) : "listen stopped before forwarding it"
                    answer(
                        forwarded.sent ? 502 : 503, [("Content-Type", "application/json")],
                        Array("{\"error\":\"kops listen: \(reason.replacingOccurrences(of: "\"", with: "'"))\"}".utf8))
                }
            } else if let saveProblem {
                // Saving was asked for and failed (a full disk): a 503 lets the sender keep the delivery and send it again.
                answer(
                    503, [("Content-Type", "application/json")],
                    Array("{\"error\":\"kops listen: \(saveProblem.replacingOccurrences(of: "\"", with: "'"))\"}".utf8))
            } else {
                answer(200, [("Content-Type", "application/json")], Array("{\"ok\":true}".utf8))
            }
            if let saveProblem {
                text += "; " + saveProblem + (forwarded == nil ? " (answered 503, so the sender keeps it)" : "")
                tally.notSaved += 1
                bad = true
                object["save_problem"] = .string(saveProblem)
            }
            if json {
                object["ok"] = .bool(!bad)
                let value = JSONValue.object(object)
                return CommandResult(json: value, jsonText: redactor.serialized(value))
            }
            return .line(ListenCommand.fitted(text, messageID: messageID, preview: preview, width: width), style: bad ? .bad : .plain)
        }
    }
}
