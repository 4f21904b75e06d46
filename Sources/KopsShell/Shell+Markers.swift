extension Shell {
    /// What the piped-input loop does with a line as to markers.
    enum MarkerStep {
        /// Run the line (a command, or nothing but whitespace or a comment with no marker waiting).
        case run
        /// The line was a `#! error` marker, or a blank or comment line between a marker and its command.
        case skip
        /// A misspelt marker, or a marker followed by another: reported, with this status.
        case stop(ExitStatus)
    }

    /// `line` (at `number` of piped input) read for markers, as `ScriptCheck` reads a script's: `#! error` waits in
    /// `marked` (its location) for the next command; a second marker before it, or a `#!` line that is not one, is
    /// reported at its line. A blank or comment line leaves a waiting marker waiting.
    func pipedMarker(_ line: String, number: Int, marked: inout String?) -> MarkerStep {
        switch ScriptLine.marker(in: line, number: number) {
        case .expectFailure? where marked == nil:
            marked = location
            return .skip
        case .expectFailure?:
            location = marked
            return .stop(report(ScriptError.danglingMarker))
        case .unknownMarker(let text)?:
            return .stop(report(ScriptError.unknownMarker(text)))
        case .command?, nil:
            let trimmed = line.trimmingWhitespace
            return marked != nil && (trimmed.isEmpty || trimmed.hasPrefix("#")) ? .skip : .run
        }
    }
}
