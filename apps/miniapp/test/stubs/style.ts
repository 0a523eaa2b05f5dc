// Stylesheets are irrelevant in unit tests.
export default {};
