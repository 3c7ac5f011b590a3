/// Finds the value of a given rank without sorting: a phase's percentiles read two ranks out of a million
/// latencies, which selection does in linear time.
enum Selection {
    /// The value that would sit at `rank` (0-based) if `values` were sorted ascending; reorders `values`.
    static func select(_ rank: Int, in values: inout [Int64]) -> Int64 {
        precondition(values.indices.contains(rank), "rank \(rank) is outside 0..<\(values.count)")
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = medianOfThree(values[low], values[low + (high - low) / 2], values[high])
            // Hoare partition: afterwards every value in low...j is <= pivot and every value in j+1...high is >= pivot.
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j {
                high = j
            } else if rank >= i {
                low = i
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }

    private static func medianOfThree(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        max(min(a, b), min(max(a, b), c))
    }
}
