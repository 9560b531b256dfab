extension MNISTDataset {
    /// The examples at `range`, in order.
    public func examples(in range: Range<Int>) -> MNISTDataset {
        precondition(range.lowerBound >= 0 && range.upperBound <= count,
                     "examples(in:): range \(range) is outside 0..<\(count)")
        let pixels = Self.pixelsPerImage
        return MNISTDataset(
            checkedImages: Array(images[(range.lowerBound * pixels)..<(range.upperBound * pixels)]),
            labels: Array(labels[range]))
    }

    /// Splits off the last `validationFraction` of the examples (rounded down) for
    /// validation, as Keras' `validation_split` does: no shuffling first, so the
    /// split is the same on every run.
    ///
    /// ```swift
    /// let (training, validation) = try MNISTDataset(split: .training).splitForValidation()
    /// (training.count, validation.count)   // (54000, 6000)
    /// ```
    public func splitForValidation(fraction validationFraction: Double = 0.1)
        -> (training: MNISTDataset, validation: MNISTDataset) {
        precondition((0..<1).contains(validationFraction),
                     "splitForValidation: fraction \(validationFraction) is outside [0, 1)")
        let boundary = count - Int(Double(count) * validationFraction)
        return (examples(in: 0..<boundary), examples(in: boundary..<count))
    }

    /// These examples followed by `other`'s.
    public func appending(_ other: MNISTDataset) -> MNISTDataset {
        MNISTDataset(checkedImages: images + other.images, labels: labels + other.labels)
    }

    /// A dataset from parts of one that was already checked.
    private init(checkedImages: [UInt8], labels: [UInt8]) {
        self.images = checkedImages
        self.labels = labels
    }
}
