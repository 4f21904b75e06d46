import KapsoClient
import KapsoDiagnostics
import Testing

/// probe39: verdicts that were missing or unclear on real message shapes (session 38).
@Suite struct Probe39VerdictsTests {
    static func health(connection: String, subscribed: Bool = true) throws -> PhoneNumberHealth {
        let text = #"{"status":"unhealthy","checks":{"phone_number_access":{"passed":true,"details":{"status":"\#(connection)","#
            + #""quality_rating":"GREEN"}},"phone_number_connection":{"passed":false,"details":{"status":"\#(connection)"}},"#
            + #""webhook_subscription":{"passed":\#(subscribed),"details":{"subscribed":\#(subscribed),"subscribed_fields":["messages"]}}}}"#
        return try PhoneNumberHealth(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    /// P39-8: a message at `sent` on a number whose health says DISCONNECTED (or BANNED): the number's state is named
    /// first, never the contact's phone alone; a FLAGGED number (sends still go out) changes nothing.
    @Test(arguments: ["DISCONNECTED", "BANNED"])
    func aSentMessageOnANumberThatCannotSendNamesTheNumberFirst(_ state: String) throws {
        let message = try StatusHistoryTests.message(#"[{"status":"sent","timestamp":"1000"}]"#, status: "sent")
        let path = MessageVerdict.StatusPath(HealthTriage(try Self.health(connection: state)))
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 10_740, statuses: path)
        #expect(verdict.text.hasPrefix("sent 2 h 59 min ago, no delivery report yet; first, the sending number is \(state) now (health: "),
            "\(verdict.text)")
        #expect(verdict.text.contains("nothing more is sent from it and its statuses may not reach Kapso"))
        #expect(verdict.severity == .bad)
        let pending = try StatusHistoryTests.message("[]", status: "pending")
        let waiting = MessageVerdict.of(pending, windowAtSend: nil, now: 1_000 + 3_600, statuses: path)
        #expect(waiting.text.hasPrefix("pending for 1 h; first, the sending number is \(state) now"), "\(waiting.text)")
        let flagged = MessageVerdict.StatusPath(HealthTriage(try Self.health(connection: "FLAGGED")))
        #expect(MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 10_740, statuses: flagged).text.hasPrefix(
            "sent 2 h 59 min ago, no delivery report yet: the contact's phone may be offline"))
    }

    /// P39-4: an id the project does not list now, with messages on it: `whois` reads the messages on the id and says
    /// what `errors` says (`formerUse`), not "wrong project or key?"; `reply` says so before a send from it.
    @Test func anIDWithMessagesOnItIsANumberThatLeftTheProjectInWhoisAsInErrors() throws {
        let id = "100200300400503"
        let input = try IDInput.read(id).get()
        #expect(IDResolver.lookups(for: input).contains(.numberMessages(id)))
        var facts = IDResolverTests.facts
        #expect(IDResolver.resolve(input, typed: id, facts: facts).statement.hasPrefix("\(id) is not a phone-number id"))
        facts.numberMessages = try [("inbound", 1_763_722_800), ("outbound", 1_763_722_860)].map { direction, time in
            let text = #"{"id":"wamid.\#(direction)","timestamp":"\#(time)","type":"text","from":"14155550801","#
                + #""kapso":{"direction":"\#(direction)","phone_number_id":"\#(id)","status":"received"}}"#
            return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
        }
        let identity = IDResolver.resolve(input, typed: id, facts: facts)
        let former = try #require(IDResolver.formerUse(of: id, calls: [], messages: facts.numberMessages, deliveries: [], before: nil))
        #expect(identity.statement == former.statement)
        #expect(identity.statement.hasPrefix("\(id) is not a number of this project now, but the messages read include 2 messages on it"),
            "\(identity.statement)")
        #expect(!(identity.fix ?? "").contains("wrong project or key"))
        let line = IDResolver.sendingFromFormer(id, contact: "+14155550801")
        #expect(line.hasPrefix("\(id) is not a number of this project now"))
        #expect(line.hasSuffix("'reply --to +14155550801'"))
    }

    /// P39-10: Kapso's `failed` with no status history at all: no Meta failure is asserted ("Meta gave no error code",
    /// "the failed status"), the verdict and `errors` say no status from Meta was recorded and where to look; a failed
    /// status without errors[] is still read as before.
    @Test func aFailedMessageWithoutStatusesAssertsNoMetaFailure() throws {
        let bare = try StatusHistoryTests.message("[]", status: "failed")
        let verdict = MessageVerdict.of(bare, windowAtSend: nil, now: 1_000 + 3_600, statuses: .open)
        #expect(verdict.text == "Kapso marks it failed, but no status from Meta was recorded (no failed status, no error code), so "
            + "the cause is not in the message; 'logs search --around wamid.X' shows the send's API call and any webhook Meta sent "
            + "Kapso about it")
        let noErrors = try StatusHistoryTests.message(#"[{"status":"failed","timestamp":"1001"}]"#, status: "failed")
        #expect(MessageVerdict.of(noErrors, windowAtSend: nil, now: 1_000 + 3_600).text.hasPrefix("failed, and Meta gave no error code"))
        var triage = ErrorTriage()
        let json = #"{"data":[{"id":"wamid.X","timestamp":"1000","type":"text","to":"14155550160","text":{"body":"hi"},"#
            + #""kapso":{"direction":"outbound","status":"failed","phone_number_id":"100200300400501"}}]}"#
        triage.addMessages(try JSONValue.parse(Array(json.utf8)), since: 0, now: 1_000 + 3_600)
        let entry = try #require(triage.entries.first)
        #expect(entry.error == "failed (Kapso's status; no status from Meta recorded)", "\(entry.error)")
        #expect(entry.meaning.hasPrefix("Kapso marks it failed, but no status from Meta was recorded"), "\(entry.meaning)")
    }

    /// P39-12: a reaction refused with 131009 is read by Meta's reaction rules (the message it reacts to: over 30 days
    /// old, deleted, a reaction, not in the conversation), not "fix the value the error names"; `errors`, which reads the
    /// message reacted to, names its age past the 30 days.
    @Test func aReactionRefusedWith131009NamesMetasReactionRules() throws {
        let sentAt: Int64 = 1_795_257_630
        let old = sentAt - 40 * 86_400
        let reaction = #"{"id":"wamid.REACT","timestamp":"\#(sentAt)","type":"reaction","to":"14155552401","#
            + #""reaction":{"message_id":"wamid.OLD","emoji":"👍"},"kapso":{"direction":"outbound","status":"failed","#
            + #""phone_number_id":"100200300400501","statuses":[{"status":"failed","timestamp":"\#(sentAt + 1)","#
            + #""errors":[{"code":131009,"title":"Parameter value is not valid","error_data":{"details":"Message to react to is invalid"}}]}]}}"#
        let inbound = #"{"id":"wamid.OLD","timestamp":"\#(old)","type":"text","from":"14155552401","text":{"body":"hi"},"#
            + #""kapso":{"direction":"inbound","status":"received","phone_number_id":"100200300400501"}}"#
        let message = try Message(json: try #require(try JSONValue.parse(Array(reaction.utf8)).object))
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: sentAt + 3_600)
        #expect(verdict.text.contains("a reaction: Meta answers 131009 when the message it reacts to (wamid.OLD) is over 30 days old"),
            "\(verdict.text)")
        #expect(!verdict.text.contains("fix the value the error names"))
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(Array(#"{"data":[\#(reaction),\#(inbound)]}"#.utf8)), since: 0, now: sentAt + 3_600)
        let entry = try #require(triage.entries.first { $0.wamid == "wamid.REACT" })
        #expect(entry.meaning.contains("the message it reacts to (wamid.OLD, \(KapsoTime.iso(old))) was 40 days old when the reaction "
            + "was sent; Meta refuses reactions to messages over 30 days old"), "\(entry.meaning)")
    }

    /// P39-6: Kapso's documented 422 for an unknown webhook event names the event, the one it likely meant and the
    /// events to send, in `errors` (an API log's text) and in `explain` (the body alone implies the 422).
    @Test func kapsosUnknownEvent422NamesTheEventAndTheEventsToSend() throws {
        let status = try #require(WebhookEvents.unsupportedReading(#"Events contains unsupported events: "whatsapp.message.status""#))
        #expect(status.meaning == "Kapso refused the webhook's events and saved nothing: \"whatsapp.message.status\" is not a Kapso "
            + "event (did you mean whatsapp.message.sent/delivered/read/failed?)")
        #expect(status.fix.hasPrefix("send only Kapso's event names: ") && status.fix.contains("whatsapp.message.delivered"))
        let bare = try #require(WebhookEvents.unsupportedReading(#"Events contains unsupported events: \"message.received\""#))
        #expect(bare.meaning.hasSuffix("\"message.received\" is not a Kapso event (did you mean whatsapp.message.received?)"))
        #expect(WebhookEvents.unsupportedReading("url is invalid") == nil)
        let explained = try #require(KapsoStatusReading(status: nil, kapsoText: #"Events contains unsupported events: "whatsapp.message.status""#))
        #expect(explained.status == 422)
        #expect(explained.meaning.contains("\"whatsapp.message.status\" is not a Kapso event"), "\(explained.meaning)")
        var triage = ErrorTriage()
        triage.addAPILogs([try APILog(json: [
            "id": "log-1", "endpoint": "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks", "http_method": "POST",
            "response_status": 422, "error_message": #"Events contains unsupported events: "whatsapp.message.status""#,
            "created_at": "2026-11-21T10:00:00Z",
        ])])
        let entry = try #require(triage.entries.first)
        #expect(entry.meaning.hasPrefix("Kapso refused the webhook's events and saved nothing"), "\(entry.meaning)")
    }

    /// P39-9: `numbers` reads no inbound messages, so its line on an unverified webhook names no cause and sends the
    /// reader to `health`, which reads them (never "after the first inbound message" as if none had come).
    @Test func theNumbersLineOnAnUnverifiedWebhookLeavesTheCauseToHealth() {
        let one = HealthTriage.unverifiedWebhooksLine([(name: "Sales Line", id: "100200300400502")])
        #expect(one == "webhook not verified by Meta yet: Sales Line (Meta marks it verified with the first inbound message; "
            + "'health 100200300400502' reads whether inbound has come and what to do)")
        let two = HealthTriage.unverifiedWebhooksLine([(name: "Sales Line", id: "100200300400502"), (name: "Support Line", id: "100200300400501")])
        #expect(two.contains("Sales Line, Support Line") && two.contains("'health ID' reads, for each,"), "\(two)")
    }

    /// P39-15: an AUTHENTICATION template to a +91 number: the dry run's note names the cause `explain 131026` lists, said
    /// as Meta's docs date it (refused until 1 July 2024, allowed since); no note for other categories or countries.
    @Test func anAuthenticationTemplateToIndiaIsNotedAsTheCatalogueDatesIt() throws {
        func template(_ category: String) -> MessageTemplate {
            MessageTemplate(json: [
                "name": "auth_code", "language": "en_US", "status": "APPROVED", "category": .string(category),
                "components": [["type": "BODY", "text": "{{1}} is your verification code."]],
            ])
        }
        let note = try #require(TemplateCheck.authenticationToIndiaNote(template("AUTHENTICATION"), recipient: "919876543210"))
        #expect(note.hasPrefix("auth_code is an AUTHENTICATION template and +919876543210 is an India (+91) number: Meta refused "
            + "those until 1 July 2024 and allows them since"), "\(note)")
        #expect(TemplateCheck.authenticationToIndiaNote(template("UTILITY"), recipient: "919876543210") == nil)
        #expect(TemplateCheck.authenticationToIndiaNote(template("AUTHENTICATION"), recipient: "14155550100") == nil)
        let meaning = try #require(ErrorCatalog.entry(for: "131026")).meaning
        #expect(meaning.contains("an authentication template to a +91 (India) number (refused until 1 July 2024, allowed since)"))
    }
}
