# Mistake: blocks the keys where the mask is True (nn.MultiheadAttention's convention), not where it is False.
class MultiHeadAttention(nn.Module):
    """Multi-head scaled dot-product attention for batch-first inputs, like nn.MultiheadAttention.

    MultiHeadAttention(d_model, num_heads) raises ValueError when d_model is not divisible by num_heads.
    Its parameters are exactly those of four nn.Linear(d_model, d_model) layers with biases, named q_proj,
    k_proj, v_proj and out_proj (the tests copy nn.MultiheadAttention's weights into them).

    forward(query, key, value, mask=None):
        query: (B, L_q, d_model); key and value: (B, L_k, d_model); any float dtype.
        mask: None, or a bool tensor that broadcasts to (B, num_heads, L_q, L_k), True = may attend
              (SDPA's convention); every query may attend to at least one key.
        Returns (output, weights): output (B, L_q, d_model) and the per-head attention weights
        (B, num_heads, L_q, L_k). The inputs are not modified.
    """

    def __init__(self, d_model, num_heads):
        super().__init__()
        if d_model % num_heads != 0:
            raise ValueError(f"d_model={d_model} is not divisible by num_heads={num_heads}")
        self.num_heads = num_heads
        self.d_head = d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(self, query, key, value, mask=None):
        B, L_q, d_model = query.shape
        L_k = key.shape[1]
        # split d_model into heads: (B, L, d_model) -> (B, L, H, d_head) -> (B, H, L, d_head)
        q = self.q_proj(query).view(B, L_q, self.num_heads, self.d_head).transpose(1, 2)
        k = self.k_proj(key).view(B, L_k, self.num_heads, self.d_head).transpose(1, 2)
        v = self.v_proj(value).view(B, L_k, self.num_heads, self.d_head).transpose(1, 2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_head)
        if mask is not None:
            scores = scores.masked_fill(mask, float("-inf"))
        weights = scores.softmax(dim=-1)                       # (B, H, L_q, L_k)
        # merge the heads: (B, H, L_q, d_head) -> (B, L_q, H, d_head) -> (B, L_q, d_model)
        out = (weights @ v).transpose(1, 2).reshape(B, L_q, d_model)
        return self.out_proj(out), weights
