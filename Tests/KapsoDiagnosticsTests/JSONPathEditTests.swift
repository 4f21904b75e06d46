import KapsoClient
import KapsoDiagnostics
import Testing

/// `--set PATH=VALUE` keeps the JSON type of the value it replaces (probe2 F5).
@Suite struct JSONPathEditTests {
    static let body: JSONValue = ["data": [["id": "a"]], "text": ["body": "hi"], "count": 3, "flag": false, "note": "x", "gone": nil]

    @Test(arguments: [
        ("text=Hola", "'text' is an object (keys: body); set a field inside it, e.g. text.body=..."),
        ("data=1", "'data' is an array; set an item inside it, e.g. data[0]..."),
        ("count=abc", "'count' is a number in this payload; give a number"),
        ("flag=1", "'flag' is a boolean in this payload; give true or false"),
        ("note=null", "'note' is text in this payload; give text, not null"),
        ("note={\"a\":1}", "'note' is text in this payload; give text, not an object"),
    ])
    func aValueOfAnotherTypeIsRefused(typed: String, problem: String) throws {
        let edit = try #require(JSONPathEdit(typed))
        #expect(edit.typeProblem(in: Self.body) == problem)
    }

    @Test(arguments: ["text={\"body\":\"x\"}", "data[0].id=b", "count=4", "flag=true", "note=42", "gone=1", "note=\"quoted\""])
    func aValueOfTheSameTypeFits(typed: String) throws {
        #expect(try #require(JSONPathEdit(typed)).typeProblem(in: Self.body) == nil)
    }

    @Test func aBareNumberForTextIsThatText() throws {
        let edit = try #require(JSONPathEdit("note=1042"))
        #expect(edit.fitted(to: Self.body).applied(to: Self.body)["note"] == "1042")
        #expect(try #require(JSONPathEdit("count=7")).fitted(to: Self.body).applied(to: Self.body)["count"] == 7)
    }
}
