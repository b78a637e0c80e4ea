#!/usr/bin/env node
// The command's entry is bin/chartroom.cjs (package.json "bin"). This path keeps working for what
// links to it from before, such as npm's exec cache; as an ES module it starts a little slower.
import './chartroom.cjs';
