# Alternative: computed from a meta tensor of that shape and dtype (no memory allocated).
_t = torch.empty(64, 512, 32, dtype=torch.bfloat16, device="meta")
answer_activation_bytes = _t.numel() * _t.element_size()
