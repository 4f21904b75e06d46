import KapsoDiagnostics
import Testing

/// fixB's leftover (fix59B-findings, "Left"): a JSON object pasted pretty-printed as one argument (`jq`'s, a log viewer's,
/// an API console's form: line breaks and indentation) was refused as "not ASCII" at its first line break before the
/// object was read, while the same object on one line was read for its id. It is read as the compact one now, and so is
/// one with a non-ASCII value beside its id (a contact's name).
@Suite struct PrettyPrintedObjectIDTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBJ01AAAAAAAAAAAAAAAAAAAA="

    @Test(arguments: [
        "{\n  \"id\": \"\(wamid)\",\n  \"status\": \"delivered\"\n}",
        "{\r\n\t\"id\": \"\(wamid)\",\r\n\t\"status\": \"read\"\r\n}\n",
        "{\"id\": \"\(wamid)\", \"name\": \"José\"}",
        "{\n  \"message_id\": \"\(wamid)\"\n}",
    ])
    func aPastedObjectIsReadForItsID(_ pasted: String) {
        guard case .failure(.fieldName(_, let id, let kind)) = IDInput.read(pasted) else {
            Issue.record("\(IDInput.read(pasted))")
            return
        }
        #expect(id == Self.wamid)
        #expect(kind.contains("WAMID"), "\(kind)")
    }

    /// Not an object, or no id in it: refused as before (a line break is no id).
    @Test func otherTextWithALineBreakIsStillRefused() {
        guard case .failure(let problem) = IDInput.read("{\n  \"status\": \"delivered\"\n}") else {
            Issue.record("read")
            return
        }
        if case .fieldName = problem { Issue.record("\(problem)") }
        guard case .failure(let other) = IDInput.read("100200300400501\nverdict") else { return }
        if case .fieldName = other { Issue.record("\(other)") }
    }
}
