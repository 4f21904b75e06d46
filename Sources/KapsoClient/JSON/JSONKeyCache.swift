#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The parser's key cache (`JSONParser.parseKey`), one a thread, kept from one parse to the next: the answers of one
/// session share their keys (`id`, `created_at`, `phone_number_id`), and each parse built every key's string again at
/// its first object, about 1,100 of the 2,500 keys of the bench's 50-read replay, and set up and freed the cache's slots
/// (docs/performance.md, "Session 60").
///
/// A key is taken from the cache only when its bytes equal the cached string's (`JSONParser.sameBytes`), so a parse
/// gives the same value whatever the cache held. One a thread, never shared: a parse takes the arrays out for its
/// length (`take`) and gives them back (`keep`), so a parse inside another on the same thread (none does so now) would
/// start from an empty cache rather than share one.
final class JSONKeyCache {
    /// The two slots a key may be in, by fingerprint (`JSONParser.parseKey`): the fingerprint and the key's position in
    /// `keys`, -1 for none.
    private var prints: [UInt64] = []
    private var positions: [Int32] = []
    /// Each key a slot was given, in the order given; emptied with the slots past `limit`.
    private var keys: [String] = []

    /// The most keys kept: past it the cache starts again empty (its strings are small, most of them inline).
    static let limit = 1_024

    /// This thread's cache's arrays, taken out of it (empty slots at the thread's first parse and past `limit`).
    static func take() -> (prints: [UInt64], positions: [Int32], keys: [String]) {
        let cache = current()
        guard !cache.prints.isEmpty, cache.keys.count <= limit else {
            let slots = JSONParser.keyCacheSlots
            return ([UInt64](repeating: 0, count: slots), [Int32](repeating: -1, count: slots), [])
        }
        defer { (cache.prints, cache.positions, cache.keys) = ([], [], []) }
        return (cache.prints, cache.positions, cache.keys)
    }

    /// Gives a parse's arrays back to this thread's cache, for the next parse.
    static func keep(prints: [UInt64], positions: [Int32], keys: [String]) {
        let cache = current()
        (cache.prints, cache.positions, cache.keys) = (prints, positions, keys)
    }

    /// This thread's cache, made at its first parse, released when the thread ends.
    private static func current() -> JSONKeyCache {
        if let raw = pthread_getspecific(threadKey) { return Unmanaged<JSONKeyCache>.fromOpaque(raw).takeUnretainedValue() }
        let cache = JSONKeyCache()
        pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            if let raw { Unmanaged<JSONKeyCache>.fromOpaque(raw).release() }
        }
        return key
    }()
}
