/// A second transcript pasted below the first in one file, checked against its own header (tester57 AB6, fixE's
/// leftover): it replays as a session of its own (`TranscriptParser.pastedPart`), but only on the API the check runs
/// on, the first header's.
extension TranscriptChecker {
    /// How the reason `otherRecording` gives begins: the summary's count names the stop by it (`Outcome.notReplayed`).
    static let pastedPartReason = "it starts a second transcript pasted below the first"

    /// Why the part under `pasted` (its header) cannot be checked on the replay of a transcript whose header is
    /// `first`, or nil: it was recorded on another API (`api`, `api kind`), on a simulator seeded at another instant
    /// (`simulator seeded`: other demo data), or with personal data kept where the first masked it or the reverse
    /// (`personal data`: its blocks would be written masked as the first's are). Before, its blocks were compared
    /// with the first's API and masking, and every difference was stated as "output changed".
    static func otherRecording(_ pasted: TranscriptHeader, than first: TranscriptHeader) -> String? {
        func api(_ header: TranscriptHeader) -> String {
            (header.host.isEmpty ? "an API it does not name" : header.host) + (header.kind.map { " (\($0.rawValue))" } ?? "")
        }
        func seeded(_ header: TranscriptHeader) -> String { header.seeded.map { TranscriptClock.iso($0) } ?? "none" }
        func data(_ header: TranscriptHeader) -> String { header.keepPII ? "kept" : "masked" }
        var differences: [String] = []
        if pasted.host != first.host || pasted.kind != first.kind {
            differences.append("it was recorded on \(api(pasted)), the first on \(api(first))")
        }
        if pasted.seeded != first.seeded {
            differences.append("its simulator seeded is \(seeded(pasted)), the first's \(seeded(first))")
        }
        if pasted.keepPII != first.keepPII {
            differences.append("its personal data is \(data(pasted)), the first's \(data(first))")
        }
        guard !differences.isEmpty else { return nil }
        return pastedPartReason + ", whose header differs ("
            + differences.joined(separator: "; ") + "); check that part as a file of its own"
    }
}
