internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

extension FailureFetch {
    /// `2 of kops's own look-ups this session and 1 'Marketing preference not found' answer (…) left out: not failures
    /// (…earlier runs…)`, nil when none. Only this session's look-ups are counted: a count of every run's would grow each
    /// time kops runs against the API, and a transcript holding it would never replay unchanged (probe9 P9-6).
    var leftOut: String? {
        FailureFetch.leftOut(own: ownLookups, normal: triage.normalAnswers)
    }

    static func leftOut(own: Int, normal: Int) -> String? {
        var parts: [String] = []
        if own > 0 { parts.append("\(own) of kops's own look-ups this session") }
        if normal > 0 {
            parts.append("\(normal) 'Marketing preference not found' \(normal == 1 ? "answer" : "answers") (no preference recorded)")
        }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: " and ") + " left out: not failures"
            + (own > 0 ? " (kops's look-ups of earlier runs are left out too)" : "")
    }

    /// `{"own_lookups": N, "normal_answers": N}`: the counts `leftOut` names, the `left_out` of every command that says
    /// that line (`errors`, `overview`: tester47 L4, the text said it and the JSON did not); nil when nothing was left out.
    static func leftOutJSON(own: Int, normal: Int) -> JSONValue? {
        guard leftOut(own: own, normal: normal) != nil else { return nil }
        return .object(["own_lookups": .number(String(own)), "normal_answers": .number(String(normal))])
    }

    /// Adds `left_out` (counts of what `leftOut` names) to a JSON object, when anything was left out.
    func addingLeftOut(to json: JSONValue) -> JSONValue {
        let unreadable = triage.unreadableStatusCalls.count
        guard leftOut != nil || !repeatedCursor.isEmpty || statesLeftOut != nil || unreadable > 0, var object = json.object else {
            return json
        }
        object["left_out"] = Self.leftOutJSON(own: ownLookups, normal: triage.normalAnswers)
        if unreadable > 0 { object["unreadable_response_status"] = .number(String(unreadable)) }
        if statesLeftOut != nil { object["deliveries_left_out"] = states.leftOut.json }
        if !repeatedCursor.isEmpty {
            object["cursor_repeated"] = .array(ErrorTriage.Source.allCases.filter(repeatedCursor.contains).map { .string($0.rawValue) })
        }
        return .object(object)
    }

    /// The `leftOut` line as a hint block, the line for calls whose status kops cannot read (`UnreadableCallStatus`), the
    /// line for lists the API repeated a cursor in (`repeatedCursor`), and the one
    /// for webhooks whose state now was not read (`unreadStatesLine`), the one for rows their states left out
    /// (`statesLeftOut`), or none.
    var leftOutHint: [Block] {
        [leftOut, UnreadableCallStatus.note(triage.unreadableStatusCalls), repeatedCursorLine, unreadStatesLine, statesLeftOut]
            .compactMap { $0.map(Block.hint) }
    }

    /// `API calls: the API returned a page cursor it had already given; stopped instead of looping (a server bug); …`,
    /// nil when no list repeated one: the line `logs --all` stops with, and the counts are of the pages read, each once.
    var repeatedCursorLine: String? {
        guard !repeatedCursor.isEmpty else { return nil }
        let names = ErrorTriage.Source.allCases.filter(repeatedCursor.contains).map(Self.name)
        return names.joined(separator: " and ") + ": " + ListError.cursorRepeated.message
            + "; counted are the pages read, each once"
    }
}
