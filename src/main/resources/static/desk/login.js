// Posts the one-time link's form as soon as the page is shown: a browser signs in at once, while a chat app that
// only fetches the page for a preview (and runs no script) leaves the link unused.
document.getElementById('login').submit();
