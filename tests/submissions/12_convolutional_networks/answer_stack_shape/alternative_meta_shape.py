# Alternative: runs the stack on the meta device and answers with the torch.Size.
stack = nn.Sequential(nn.Conv2d(3, 8, kernel_size=5), nn.MaxPool2d(2), nn.Conv2d(8, 16, kernel_size=3, stride=2, padding=1))
answer_stack_shape = stack.to("meta")(torch.empty(4, 3, 32, 32, device="meta")).shape
