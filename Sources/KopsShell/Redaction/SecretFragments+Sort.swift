extension SecretFragments {
    /// `values` in ascending order, by a heapsort in place: the standard library's `sort()` (a stable merge through its
    /// comparison closure) took about 320,000 instructions for the 600-odd windows of a webhook list's secrets, learned
    /// at once by the replay's first `webhooks` (docs/performance.md, "Session 53"). Equal integers need no stable order.
    static func sortAscending(_ values: inout [UInt64]) {
        values.withUnsafeMutableBufferPointer { buffer in
            func siftDown(_ start: Int, _ end: Int) {
                var root = start
                while true {
                    var child = 2 * root + 1
                    guard child < end else { return }
                    if child + 1 < end, buffer[child] < buffer[child + 1] { child += 1 }
                    guard buffer[root] < buffer[child] else { return }
                    buffer.swapAt(root, child)
                    root = child
                }
            }
            var start = buffer.count / 2
            while start > 0 {
                start -= 1
                siftDown(start, buffer.count)
            }
            var end = buffer.count
            while end > 1 {
                end -= 1
                buffer.swapAt(0, end)
                siftDown(0, end)
            }
        }
    }
}
