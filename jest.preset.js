const nxPreset = require('@nx/jest/preset').default;

// 20 s, not Jest's 5 s: the first test of a page spec compiles its ng-zorro templates, which took over 5 s on a
// loaded 2-core machine (a timeout there says nothing about the code)
module.exports = { ...nxPreset, testTimeout: 20000 };
