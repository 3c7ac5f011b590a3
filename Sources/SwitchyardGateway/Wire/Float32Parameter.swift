extension Double {
    /// The value as TensorZero 2026.6.0 sends its `f32` inference parameters (`temperature`, `top_p`,
    /// `presence_penalty`, `frequency_penalty`): rounded to the nearest `Float` and written as that `Float`'s exact
    /// value, so `0.3` goes upstream as `0.30000001192092896`.
    var roundedThroughFloat: Double { Double(Float(self)) }
}
