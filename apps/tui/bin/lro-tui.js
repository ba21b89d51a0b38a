#!/usr/bin/env node
// The command; its code is built into dist/ (this file exists before the build, so installs link it).
import "../dist/cli.js";
