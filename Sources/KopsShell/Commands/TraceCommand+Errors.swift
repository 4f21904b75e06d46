internal import KapsoClient
internal import KapsoDiagnostics

/// One distinct error of a traced message as `trace` explains it: the meaning and fix for this message, and Meta's details
/// shown under them when they add to the meaning.
struct ExplainedError {
    var error: MessageError
    var meaning: String
    var fix: String
    /// Meta's `error_data.details` as the `meta:` line shows it; nil when it is not shown.
    var shownDetails: String?
}

/// The errors the timeline explains, in its order: the message's code first, then the rest, each once.
struct ExplainedErrors {
    var errors: [ExplainedError] = []
    /// Each error's headline is a line of its own (a message without statuses that carries errors itself).
    var headlines = false
}

extension TraceCommand {
    /// How many errors the text explains in full; `--output json` has them all.
    static let explainedLimit = 3

    /// The errors of `message`'s status history and the message's own, explained as the timeline explains them
    /// (`MessageError.fix(for:)`: a template refused with a window code gets the template's advice, not the catalogue's
    /// "send a template"; a received 131051's fix is what its `unsupported.type` calls for, `UnsupportedContent.reading`).
    /// `writtenSince`, `refused` and `callsEnabled` apply to a send's errors (the verdict's readings, P21-19, P32-4, P25-16).
    static func explainedErrors(
        _ message: Message, history: StatusHistory, templates: TemplateMismatch.Listing?, writtenSince: String?,
        refused: MessageVerdict.RefusedInOpenWindow?, made: PrependedRecipient.MadeNumberRefusal? = nil, callsEnabled: Bool
    ) -> ExplainedErrors {
        let received = MessageError.carried(by: message.json)
        guard !history.events.isEmpty else {
            // An outbound message's own errors are its failure's, not a received message's (P26-9).
            return ExplainedErrors(
                errors: explained(
                    received, send: message.isOutbound ? FailedSend(message: message.json, listing: templates) : nil,
                    unsupported: UnsupportedContent.type(of: message.json)),
                headlines: true)
        }
        // The message's code first (as the verdict picks it), then the rest; a warning's errors too (StatusWord).
        let statusErrors = history.events.filter { $0.status == "failed" || StatusWord($0.status).rank == nil }
            .flatMap { event in (MessageError.primary(of: event.errors).map { [$0] } ?? []) + MessageError.others(of: event.errors) }
        var errors = explained(
            statusErrors + received, send: FailedSend(message: message.json, listing: templates), writtenSince: writtenSince,
            refused: refused, made: made, callsEnabled: callsEnabled)
        // WhatsApp also reported the message on the phone: a failure's code's fix ("retry") could send it twice
        // (StatusHistory.Conflict.failureFix); the received message's own errors keep theirs.
        if let conflict = history.conflict {
            let failed = history.events.filter { $0.status == "failed" }.flatMap(\.errors)
            for index in errors.indices where failed.contains(errors[index].error) {
                errors[index].fix = conflict.failureFix
            }
        }
        return ExplainedErrors(errors: errors)
    }

    /// Each distinct error of `errors` with its meaning and fix for this message.
    private static func explained(
        _ errors: [MessageError], send: FailedSend?, unsupported: String? = nil, writtenSince: String? = nil,
        refused: MessageVerdict.RefusedInOpenWindow? = nil, made: PrependedRecipient.MadeNumberRefusal? = nil, callsEnabled: Bool = false
    ) -> [ExplainedError] {
        var seen: [MessageError] = []
        for error in errors where !seen.contains(error) { seen.append(error) }
        return seen.map { error in
            // A free-form send refused for the window inside the window kops sees: the verdict's reading (P32-4).
            let inOpen = ErrorCatalog.isReengagement(error.code) && send?.isTemplate != true ? refused : nil
            // Refused for the number Meta made of a `to` without `+`: its meaning and fix, not the contact's window's.
            let madeNumber = error.code == made?.code ? made : nil
            let kind = error.code == "131051" ? unsupported : nil
            let fix = madeNumber?.fix ?? kind.map { UnsupportedContent.reading(type: $0, error: error) }
                ?? error.fix(for: send, writtenSince: writtenSince, callsEnabled: callsEnabled)
            let details = error.details.flatMap { details in
                error.entry != nil || error.code == nil && details != error.meaning ? details : nil
            }
            return ExplainedError(error: error, meaning: madeNumber?.meaning ?? inOpen?.meaning ?? error.meaning(for: send), fix: fix, shownDetails: details)
        }
    }

    /// The explanations as the timeline shows them: meaning, fix and Meta's details of the first `explainedLimit`, the
    /// error's headline above them when there are several or it has no code.
    static func lines(_ explained: ExplainedErrors) -> [Block] {
        let errors = explained.errors
        var blocks: [Block] = []
        for item in errors.prefix(explainedLimit) {
            if explained.headlines || errors.count > 1 || item.error.code == nil {
                blocks.append(.line(StyledText("  error:   " + item.error.headline, style: .bad)))
            }
            blocks.append(.line(StyledText("  meaning: " + item.meaning)))
            blocks.append(.line(StyledText("  fix:     " + item.fix)))
            if let details = item.shownDetails { blocks.append(.line(StyledText("  meta:    " + details, style: .dim))) }
        }
        if errors.count > explainedLimit {
            blocks.append(.hint("\(errors.count - explainedLimit) more errors: '--output json' shows them all"))
        }
        return blocks
    }

    /// `.errors` of `trace --output json`: every explained error, `{"code", "title", "message", "details", "headline",
    /// "meaning", "fix"}` (null where the entry has none).
    static func json(_ explained: ExplainedErrors) -> JSONValue {
        .array(explained.errors.map { item in
            let error = item.error
            return [
                "code": error.code.map(JSONValue.string) ?? .null, "title": error.title.map(JSONValue.string) ?? .null,
                "message": error.message.map(JSONValue.string) ?? .null, "details": error.details.map(JSONValue.string) ?? .null,
                "headline": .string(error.headline), "meaning": .string(item.meaning), "fix": .string(item.fix),
            ]
        })
    }

    /// `.timeline` of `trace --output json`: the status history the timeline table shows, oldest first and whole (the
    /// table shows the first and last `timelineEdge` of a long one). Each event: `time` (ISO 8601, null when it has no
    /// usable one), `status`, `after_send_seconds` (null when unknown, negative before the send), `errors` (`code`,
    /// `name`, as the DETAIL column names it); and only when they apply: `unusable_timestamp` (the value as given), `participant` (a group send's),
    /// `stored_times` (the same notification stored more than once), `reported_again` (true: the same failure again),
    /// `ahead_seconds` (stamped ahead of the API's clock).
    static func timelineJSON(_ history: StatusHistory) -> JSONValue {
        let again = history.failuresReportedAgain
        return .array(history.events.map { event in
            var object: JSONObject = [
                "time": event.time.map { .string(KapsoTime.iso($0)) } ?? .null, "status": .string(event.status),
                "after_send_seconds": event.sinceSend.map { .number(String($0)) } ?? .null,
                "errors": .array(event.errors.map { error in
                    [
                        "code": error.code.map(JSONValue.string) ?? .null,
                        "name": (error.shownName ?? error.title ?? error.message).map(JSONValue.string) ?? .null,
                    ]
                }),
            ]
            if let unusable = event.unusableTimestamp { object["unusable_timestamp"] = .string(unusable) }
            if let participant = event.participant { object["participant"] = .string(participant) }
            if event.repeats > 0 { object["stored_times"] = .number(String(event.repeats + 1)) }
            if again.contains(event.storedIndex) { object["reported_again"] = true }
            if let ahead = event.ahead { object["ahead_seconds"] = .number(String(ahead)) }
            return .object(object)
        })
    }
}
