/// Which project a transcript was recorded on, as far as its page tells, and whether `kops check` replays it on another.
///
/// A Platform API key is project-scoped (kapso-api.md §1.1: "every call sees only that project's numbers, webhooks,
/// logs"), and a WhatsApp phone-number id belongs to one project: a transcript that used a number the replaying key's
/// project does not list was recorded on another project (or the number left this one since). Its replay shows the
/// other project's data, which `--update` must never write over the recorded evidence (probe42 P42-2: two colleagues
/// with their own keys on `api.kapso.ai`; the update exited 0 with the other project's contacts under the header).
extension TranscriptChecker {
    /// The phone-number ids a transcript shows its recording used, each once, in the order the page names them: the
    /// header's `- phone number id:`, those of parts `record --append` added (`<!-- appended: … -->`), and those a
    /// recorded `use` selected (its `using 100200300400501 (+1 415-555-0100, Support Line)` line). Empty for a demo
    /// transcript (it replays on a simulator of its own) and one that names none.
    public static func recordedNumbers(in text: String) -> [String] {
        let parsed = TranscriptParser(text)
        guard parsed.header.kind != .demo else { return [] }
        var numbers: [String] = []
        func add(_ id: String?) {
            guard let id, !id.isEmpty, id.allSatisfy(\.isASCII), id.allSatisfy(\.isNumber), !numbers.contains(id) else { return }
            numbers.append(id)
        }
        add(parsed.header.phoneNumberID)
        for entry in parsed.commands {
            add(entry.appended?.phoneNumberID)
            guard entry.command.split(separator: " ").first == "use" else { continue }
            for line in entry.block.split(separator: "\n") where line.hasPrefix("using ") {
                add(line.dropFirst("using ".count).split(separator: " ").first.map(String.init))
            }
        }
        return numbers
    }

    /// Why a transcript that used the phone-number ids `recorded` (`recordedNumbers`) was recorded on another project
    /// than the one whose numbers are `project` (the replaying key's, `GET /whatsapp/phone_numbers`): none of them is
    /// there. Nil when one is (the same project, whatever changed since) or the page names none. One clause, e.g.
    /// `phone number id 100200300400501, which it used, is not among the numbers of the project this key reaches
    /// (108877665544322, 108877665544321)`.
    public static func otherProject(recorded: [String], project: [String]) -> String? {
        guard !recorded.isEmpty, !recorded.contains(where: { project.contains($0) }) else { return nil }
        let listed = project.isEmpty ? "it has none" : project.prefix(5).joined(separator: ", ") + (project.count > 5 ? ", …" : "")
        let used = recorded.count == 1
            ? "phone number id \(recorded[0]), which it used, is not"
            : "phone number ids \(recorded.joined(separator: ", ")), which it used, are not"
        return "\(used) among the numbers of the project this key reaches (\(listed))"
    }

    /// The line `kops check` ends with for a transcript recorded on another project (`otherProject`), which it never
    /// rewrites: `update` says so; otherwise the differences are said to be that project's.
    public static func otherProjectLine(_ reason: String, update: Bool) -> String {
        (update ? "not rewritten: " : "")
            + "it was recorded on another project (or its number left this one since): \(reason), so the differences "
            + "come from that project" + (update ? " and --update would write them over its evidence" : "")
            + "; check it with the API key of the project it was recorded on"
    }
}
