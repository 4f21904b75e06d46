import KapsoClient
import KopsShell
import Testing

@Suite struct CompletionTests {
    private func candidates(_ line: String, ids: IDCache = IDCache()) -> [String] {
        Completion.candidates(lineBeforeCursor: line, registry: .standard, ids: ids)
    }

    @Test func offersEveryCommandAtTheStart() {
        let names = CommandRegistry.standard.names
        #expect(candidates("") == names)
        #expect(candidates("he") == names)
        #expect(names.contains("health") && names.contains("quit"))
    }

    @Test(arguments: [
        ("webhooks ", ["list", "get", "create", "update", "delete", "test", "check", "fire", "probe"]),
        ("webhooks --scope ", ["number", "project"]),
        ("output ", ["table", "json", "expanded", "auto"]),
        ("nosuch ", []),
        ("state ", []),
    ])
    func offersSubcommandsAndFlagChoices(line: String, expected: [String]) {
        #expect(candidates(line) == expected)
    }

    @Test func fireOffersScenariosAndEveryCatalogueEvent() {
        let offered = candidates("webhooks fire ")
        #expect(offered.contains("out-of-order-statuses"))
        #expect(offered.contains("whatsapp.contact.marketing_preference_changed"))
        #expect(offered.count == 7 + 28)
    }

    @Test func offersTheCommandsFlagsForADashWord() {
        #expect(candidates("webhooks --sc").contains("--scope"))
        #expect(candidates("webhooks list --") == candidates("webhooks --sc"))
    }

    @Test func offersIdsSeenInRecentResults() throws {
        var ids = IDCache()
        ids.harvest(
            command: "numbers",
            json: ["data": [["id": "100200300400502", "display_phone_number": "+1 415-555-0101"], ["id": "100200300400501"]]])
        ids.harvest(command: "webhooks", json: ["data": ["id": "0a1b", "url": "https://x"]])
        #expect(candidates("use ", ids: ids) == ["100200300400502", "100200300400501"])
        #expect(candidates("health 1002", ids: ids) == ["100200300400502", "100200300400501"])
        #expect(candidates("webhooks get ", ids: ids) == ["0a1b"])
        #expect(candidates("webhooks list ", ids: ids) == [])
        #expect(ids.labels["100200300400502"] == "+1 415-555-0101")
    }

    @Test func keepsTheNewestIdsFirstWithoutDuplicates() {
        var ids = IDCache(limit: 2)
        ids.remember("a", as: .message)
        ids.remember("b", as: .message)
        ids.remember("a", as: .message)
        ids.remember("c", as: .message)
        #expect(ids[.message] == ["c", "a"])
    }

    @Test func ignoresCommandsThatProduceNoIds() {
        var ids = IDCache()
        ids.harvest(command: "state", json: ["api": "x", "id": "nope"])
        #expect(ids.ids.isEmpty)
    }
}
