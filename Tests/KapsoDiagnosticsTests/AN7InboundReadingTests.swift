import KapsoClient
import KapsoDiagnostics
import Testing

/// tester63 AN7: `conversations --all` as a table read each row's window against its number's 100 inbound messages, and
/// derived each message's direction, contact and digits again for every row (~50 times the JSON's cost). The messages are
/// now read once per number (`InboundReading`, `ContactNumber.Prepared`); these tests hold the new reading to the old one
/// on generated messages: the same messages count for every contact, and a reading shared by many rows gives each row the
/// window a reading of its own gives.
@Suite struct AN7InboundReadingTests {
    static let number = "100"
    static let now: Int64 = 1_795_262_400

    /// Every form `ContactNumber` links, with user ids, usernames and texts that are no number.
    static let contacts = [
        "5511987654321", "551187654321", "+55 11 98765-4321", "5215512345678", "525512345678", "+52 55 1234 5678",
        "5491123456789", "541123456789", "54111523456789", "+54 11 15 2345-6789", "5493511234567", "+54 351 15 123-4567",
        "14155550192", "+1 (415) 555-0192", "4155550192", "US.13491208655302741918", "US.99", "alice", "", " ", "+",
        "１４１５５５５０１９２", "1415555\u{301}0192", "1415\r\n5550192",
    ]

    /// A small deterministic generator (no clock, no system randomness).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }
        mutating func maybe(_ text: String) -> JSONValue? { next(3) == 0 ? nil : .string(text) }
    }

    static func messages(seed: UInt64, count: Int) throws -> [Message] {
        var random = Generator(state: seed)
        var messages: [Message] = []
        for index in 0..<count {
            var kapso: JSONObject = ["direction": random.next(5) == 0 ? "outbound" : "inbound"]
            kapso["phone_number"] = random.maybe(random.pick(contacts))
            kapso["phone_number_id"] = random.next(6) == 0 ? "200" : random.maybe(number)
            kapso["whatsapp_conversation_id"] = random.maybe(random.pick(["c1", "c2", "c9"]))
            var json: JSONObject = ["id": .string("wamid.\(index)"), "timestamp": .string(String(now - Int64(index + 1) * 600)), "type": "text"]
            json["from"] = random.maybe(random.pick(contacts))
            json["to"] = random.maybe(random.pick(contacts))
            json["from_user_id"] = random.maybe(random.pick(["US.13491208655302741918", "US.99", "14155550192", ""]))
            json["from_parent_user_id"] = random.maybe(random.pick(["US.99", "US.7"]))
            json["kapso"] = .object(kapso)
            messages.append(try Message(json: json))
        }
        return messages
    }

    static func conversations() throws -> [Conversation] {
        try [
            Conversation(json: [
                "id": "c1", "phone_number": "5511987654321", "phone_number_id": .string(number), "business_scoped_user_id": "US.99",
                "kapso": ["last_inbound_at": .null],
            ]),
            Conversation(json: ["id": "c2", "phone_number": "14155550192", "phone_number_id": .string(number), "kapso": .null]),
        ]
    }

    /// The messages the old reading counted for `contact`, spelled out as `ContactWindow.init` tested each one.
    static func countedBefore(_ messages: [Message], contact: String, conversations: [Conversation]) -> [Message] {
        let pairs = conversations.filter { conversation in
            conversation.phoneNumberID == number
                && (ContactNumber.same(conversation.contact ?? conversation.businessScopedUserID, contact) || conversation.hasUserID(contact))
        }
        let conversationIDs = Set(pairs.map(\.id))
        let pairUserIDs = Set(pairs.compactMap(\.businessScopedUserID))
        let byUserID = BusinessScopedUserID.isValid(contact)
        return messages.filter { message in
            message.isInbound && message.phoneNumberID.map({ $0 == number }) ?? true
                && (ContactNumber.same(message.contact, contact) || ContactNumber.same(message.userID, contact) || message.hasUserID(contact)
                    || message.conversationID.map(conversationIDs.contains) == true
                    || (message.contact == nil && message.userID.map(pairUserIDs.contains) == true)
                    || (byUserID && WindowEvidence(message, now: now).newUserID != nil
                        && (message.json["system"]?["body"]?.string?.contains(contact) ?? false)))
        }
    }

    @Test func aPreparedContactIsTheSameAsItsTextIs() {
        for first in Self.contacts {
            for second in Self.contacts {
                let prepared = ContactNumber.Prepared(first).isSame(as: ContactNumber.Prepared(second))
                #expect(prepared == ContactNumber.same(first, second), "\(first.debugDescription) and \(second.debugDescription)")
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func theSameMessagesCountForEveryContact(seed: UInt64) throws {
        let messages = try Self.messages(seed: seed, count: 60)
        let conversations = try Self.conversations()
        for contact in Self.contacts where !contact.isEmpty {
            let window = ContactWindow(
                phoneNumberID: Self.number, contact: contact, conversations: conversations, inbound: messages, at: Self.now)
            let counted = Self.countedBefore(messages, contact: contact, conversations: conversations)
            let expected: ContactWindow.Evidence = counted.compactMap(\.time).max().map { .lastInbound($0) } ?? .noInbound
            #expect(window.evidence == expected, "seed \(seed), contact \(contact.debugDescription)")
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func aReadingSharedByTheRowsGivesEachTheWindowOfItsOwn(seed: UInt64) throws {
        let messages = try Self.messages(seed: seed, count: 100)
        let conversations = try Self.conversations()
        for complete in [true, false] {
            var shared = InboundReading(messages: messages, complete: complete)
            shared.prepare(at: Self.now)
            for contact in Self.contacts where !contact.isEmpty {
                let own = ContactWindow(
                    phoneNumberID: Self.number, contact: contact, conversations: conversations, inbound: messages, inboundComplete: complete,
                    at: Self.now)
                let read = ContactWindow(phoneNumberID: Self.number, contact: contact, conversations: conversations, reading: shared, at: Self.now)
                #expect(read == own, "seed \(seed), contact \(contact.debugDescription), complete \(complete)")
                // Prepared at another time, the reading works the coverage out again for the time asked.
                let later = ContactWindow(
                    phoneNumberID: Self.number, contact: contact, conversations: conversations, reading: shared, at: Self.now + 90_000)
                let laterOwn = ContactWindow(
                    phoneNumberID: Self.number, contact: contact, conversations: conversations, inbound: messages, inboundComplete: complete,
                    at: Self.now + 90_000)
                #expect(later == laterOwn, "seed \(seed), contact \(contact.debugDescription), a day later")
            }
        }
    }
}
