internal import KapsoClient
internal import KapsoDiagnostics

extension IDLookups {
    /// The project's newest messages, page by page until one has UUID `id` as its id, up to `IDResolver.kapsoMessagePages`
    /// pages of 100, when the other look-ups did not place `id` (`IDResolver.placed`): Kapso lists a message it holds no
    /// WAMID for under a UUID, which `messages` shows and `trace` traces (tester57b AC3: `whois` called it "not … of this
    /// project"). A list cut there is named in `facts.capped`, a failure in `facts.unchecked`; `facts.kapsoMessagesRead`
    /// says how many were read.
    static func kapsoMessage(
        _ id: String, lookup: IDResolver.Lookup, to facts: inout IDResolver.Facts, errors: inout [any KopsError], client: KapsoClient
    ) {
        guard !IDResolver.placed(uuid: id, facts: facts) else { return }
        var read: [Message] = []
        do throws(KapsoAPIError) {
            var page = try client.messages(filters: [], limit: 100)
            read += page.items
            var pages = 1
            var cursors = PageCursors()
            while !read.contains(where: { $0.id.lowercased() == id }), let after = page.nextPageQuery, !cursors.repeats(nextOf: page) {
                guard pages < IDResolver.kapsoMessagePages else {
                    facts.capped.append(lookup)
                    break
                }
                page = try client.messages(filters: [], limit: 100, after: cursor(after))
                read += page.items
                pages += 1
            }
        } catch {
            record(failure: error, of: lookup, to: &facts, errors: &errors)
            return
        }
        let known = Set(facts.messages.map(\.id))
        facts.messages += read.filter { !known.contains($0.id) }
        facts.kapsoMessagesRead = read.count
    }
}
