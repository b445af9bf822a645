# Alternative: unflatten/permute to split the heads, einsum scores, an additive mask, contiguous().flatten to merge.
class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads):
        super().__init__()
        _, rem = divmod(d_model, num_heads)
        if rem:
            raise ValueError("d_model must be a multiple of num_heads")
        self.num_heads = num_heads
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (nn.Linear(d_model, d_model) for _ in range(4))

    def _split(self, x):                      # (B, L, d_model) -> (B, H, L, d_head)
        return x.unflatten(-1, (self.num_heads, -1)).permute(0, 2, 1, 3)

    def forward(self, query, key, value, mask=None):
        q, k, v = self._split(self.q_proj(query)), self._split(self.k_proj(key)), self._split(self.v_proj(value))
        scores = torch.einsum("bhqd,bhkd->bhqk", q, k) / q.shape[-1] ** 0.5
        if mask is not None:
            scores = scores + torch.zeros_like(scores).masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        out = (weights @ v).permute(0, 2, 1, 3).contiguous().flatten(2)
        return self.out_proj(out), weights
