// MARK: - Conversations and messages

extension DemoSeed {
    /// The story's fixed ids (`fixtures/messages.list.json`, `conversations.list.json`).
    enum Story {
        static let danaConversation = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"
        static let leeConversation = "e5a6c7d8-4f5b-4c6d-8e7f-901234567890"
        static let samConversation = "f6b7d8e9-5a6c-4d7e-9f80-123456789012"
        static let danaInbound = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
        static let danaReply = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="
        /// Lee Park's inbox reply that failed with 131047 (his last inbound was 26 hours earlier).
        static let leeFailedReply = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
        static let samImage = "wamid.HBgLMTQxNTU1NTAxNjMVAgASGBQzRUIwRDRFNUY2MDcxODI5M0E0QgA="
        /// Marisol Vega adopted a WhatsApp username and shares no phone number: Sales knows her only by her
        /// business-scoped user id.
        static let marisolConversation = "a7c8e9f0-6b7d-4e8f-9a01-234567890123"
        static let marisolBSUID = "US.48210937561029384756"
        static let marisolUsername = "@marisol.v"
        /// Messages whose deliveries and API logs the story writes by hand.
        static let scripted: Set<String> = [danaInbound, danaReply, leeFailedReply]
    }

    static let contacts: [(name: String, number: String, line: String)] = [
        ("Ana Souza", "14155550201", support), ("Ben Carter", "14155550202", support),
        ("Chloe Martin", "14155550203", support), ("Diego Alvarez", "14155550204", support),
        ("Eva Novak", "14155550205", support), ("Farah Haddad", "14155550206", support),
        ("Gus Lindqvist", "14155550207", support), ("Hana Sato", "14155550208", support),
        ("Ivan Petrov", "14155550209", support), ("Jade Wong", "14155550210", support),
        ("Kofi Mensah", "14155550211", sales), ("Lucia Romano", "14155550212", sales),
        ("Mei Chen", "14155550213", sales), ("Omar Aziz", "14155550214", sales),
    ]

    static func addConversations(to story: inout StoryBuilder) {
        addGeneratedConversations(to: &story)
        addDana(to: &story)
        addLee(to: &story)
        addSam(to: &story)
    }

    private static func text(_ body: String, quoting: String? = nil) -> MessageJSON.Content {
        MessageJSON.Content(body: body, quotedID: quoting)
    }

    private static func addDana(to story: inout StoryBuilder) {
        let id = Story.danaConversation
        story.conversation(
            ConversationJSON.make(
                id: id, contact: "14155550142", contactName: "Dana Ortiz", phoneNumberID: support,
                createdAt: story.at("2026-11-06T10:12:00Z")))
        story.message(in: id, at: story.at("2026-11-06T10:12:00Z"), inbound: true, text("Hi! Do you ship to Portland?"), status: "delivered")
        story.message(
            in: id, at: story.at("2026-11-06T10:14:30Z"), inbound: false,
            text("Hi Dana, yes: we ship everywhere in Oregon within 3 days."), status: "read")
        story.message(
            in: id, at: story.at("2026-11-19T17:40:02Z"), inbound: true, text("Just placed order A-1042 :)"),
            status: "delivered")
        story.message(
            in: id, at: story.at("2026-11-19T17:45:10Z"), inbound: false, text("Thanks! It is being packed now."),
            status: "read")
        story.message(
            in: id, at: story.at("2026-11-20T14:30:05Z"), inbound: true, text("Hi, order A-1042 still hasn't arrived"),
            status: "delivered", id: Story.danaInbound)
        story.message(
            in: id, at: story.at("2026-11-20T14:32:10Z"), inbound: false,
            text("Thanks Dana, it ships today. Tracking follows shortly.", quoting: Story.danaInbound), status: "read",
            id: Story.danaReply)
    }

    private static func addLee(to story: inout StoryBuilder) {
        let id = Story.leeConversation
        story.conversation(
            ConversationJSON.make(
                id: id, contact: "14155550157", contactName: "Lee Park", phoneNumberID: support,
                createdAt: story.at("2026-11-18T16:02:44Z"), metadata: ["crm_ticket": "T-88213"]))
        story.message(
            in: id, at: story.at("2026-11-18T16:02:44Z"), inbound: true,
            text("My order arrived with a cracked part"), status: "delivered")
        story.message(
            in: id, at: story.at("2026-11-19T07:15:00Z"), inbound: true,
            text("Any news on the replacement part?"), status: "delivered")
        story.message(
            in: id, at: story.at("2026-11-20T09:15:00Z"), inbound: false,
            text("Hi Lee, your replacement part is ready for pickup."), status: "failed", errorCode: 131_047,
            id: Story.leeFailedReply)
    }

    /// A username-only contact on Sales (no `phone_number`; `business_scoped_user_id` and `username` instead),
    /// whose last message is recent enough for a free-form reply by BSUID.
    static func addMarisol(to story: inout StoryBuilder) {
        let id = Story.marisolConversation
        story.conversation(
            ConversationJSON.make(
                id: id, contact: Story.marisolBSUID, contactName: "Marisol Vega", phoneNumberID: sales,
                createdAt: story.at("2026-11-21T08:05:00Z"), username: Story.marisolUsername))
        // Fixed WAMIDs: no draws from the story's generator, so seeds built on the demo (zoo) keep their ids.
        let wamid = { (hex: String) in MessageJSON.wamid(contact: Story.marisolBSUID, hex: hex) }
        story.message(
            in: id, at: story.at("2026-11-21T08:05:00Z"), inbound: true, text("Hola! Is the blue jacket back in stock?"),
            status: "delivered", id: wamid("4D41525349534F4C3031"))
        story.message(
            in: id, at: story.at("2026-11-21T08:07:30Z"), inbound: false,
            text("Hi Marisol, yes: sizes S to L arrived this morning."), status: "read", id: wamid("4D41525349534F4C3032"))
        story.message(
            in: id, at: story.at("2026-11-21T09:30:00Z"), inbound: true, text("Great, can you hold an M for me?"),
            status: "delivered", id: wamid("4D41525349534F4C3033"))
    }

    private static func addSam(to story: inout StoryBuilder) {
        let id = Story.samConversation
        story.conversation(
            ConversationJSON.make(
                id: id, contact: "14155550163", contactName: "Sam Rivera", phoneNumberID: sales,
                createdAt: story.at("2026-11-19T11:20:00Z")))
        let photo = MessageJSON.Content(type: "image", caption: "Is this model still available?", mediaID: "884213370021")
        story.message(in: id, at: story.at("2026-11-19T11:20:00Z"), inbound: true, photo, status: "delivered", id: Story.samImage)
        story.message(
            in: id, at: story.at("2026-11-19T11:24:30Z"), inbound: false,
            text("It is! I can reserve one for you until Friday."), status: "read")
        story.finishConversation(id, status: "ended", updatedAt: story.at("2026-11-19T12:00:00Z"))
    }

    private static let customerLines = [
        "Hi, I have a question about my order", "Can I change the delivery address?", "Do you have this in blue?",
        "What are your opening hours?", "The tracking link doesn't work", "Thanks, that helps!",
        "Can I pay by bank transfer?", "Is there a warranty on this?", "Great, see you tomorrow",
    ]
    private static let agentLines = [
        "Happy to help! Could you share your order number?", "Done, the address is updated.",
        "Yes, blue is back in stock.", "We're open 9 to 6, Monday to Saturday.",
        "Here is a fresh tracking link: https://track.acme-demo.test/A1", "You're welcome!",
        "Bank transfer works; details are on the invoice.", "Every item has a 2-year warranty.",
    ]

    private static func addGeneratedConversations(to story: inout StoryBuilder) {
        for (index, contact) in contacts.enumerated() {
            let id = story.uuid()
            var time = story.at("2026-10-23T09:00:00Z").adding(seconds: Int64(index) * 2 * 86_400 + 3_600)
            story.conversation(
                ConversationJSON.make(
                    id: id, contact: contact.number, contactName: contact.name, phoneNumberID: contact.line,
                    createdAt: time))
            let count = 10 + story.number(below: 19)
            var inbound = true
            for position in 0..<count {
                guard time < story.now.adding(seconds: -3_600) else { break }
                let lines = inbound ? customerLines : agentLines
                let line = lines[story.number(below: lines.count)]
                let recent = story.now.micros - time.micros < 86_400_000_000
                if !inbound, index == 3, position == count - 1 {
                    let promo = MessageJSON.Content(type: "template", templateName: "spring_promo")
                    story.message(in: id, at: time, inbound: false, promo, status: "failed", errorCode: 131_049)
                } else {
                    story.message(in: id, at: time, inbound: inbound, text(line), status: inbound ? "delivered" : recent ? "delivered" : "read")
                }
                time = time.adding(seconds: Int64(120 + story.number(below: inbound ? 1_800 : 60_000)))
                inbound = story.number(below: 3) > 0 ? !inbound : inbound
            }
            if story.now.micros - time.micros > 3 * 86_400_000_000 {
                story.finishConversation(id, status: "ended", updatedAt: time)
            }
        }
    }
}
