// The pages behind the links in account emails (Development): /verify-email?token=… and /reset-password?token=…
// They complete the action through the public GraphQL API, as a client app would: sellerEmailVerify and
// passwordResetComplete. The token leaves the address bar at once (history) and is never sent anywhere but /graphql.
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token') || '';
  history.replaceState(null, '', location.pathname);
  var page = document.body.getAttribute('data-page');
  var form = document.getElementById('form');
  var result = document.getElementById('result');

  function show(text, ok) {
    result.textContent = text;
    result.className = ok ? 'ok' : 'error';
  }

  function call(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: query, variables: variables }),
      credentials: 'omit',
    }).then(function (response) { return response.json(); });
  }

  function explain(answer, field) {
    if (answer.errors && answer.errors.length) return answer.errors[0].message;
    var payload = answer.data && answer.data[field];
    if (!payload) return 'The server gave no answer; try again.';
    if (payload.userErrors.length) return payload.userErrors.map(function (e) { return e.message; }).join(' ');
    return null;
  }

  if (!token) {
    form.hidden = true;
    show('This link has no token: open the whole link from the email.', false);
    return;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button');
    button.disabled = true;
    var done;
    if (page === 'verify-email') {
      done = call('mutation Verify($t: String!) { sellerEmailVerify(input: { token: $t }) { success userErrors { code message } } }', { t: token })
        .then(function (answer) {
          var problem = explain(answer, 'sellerEmailVerify');
          if (problem) return show(problem, false);
          form.hidden = true;
          show('Your email address is verified. You can now sign in with your password (sellerLogin).', true);
        });
    } else {
      var password = document.getElementById('password').value;
      if (password !== document.getElementById('repeat').value) {
        button.disabled = false;
        return show('The two passwords differ.', false);
      }
      done = call('mutation Reset($t: String!, $p: String!) { passwordResetComplete(input: { token: $t, newPassword: $p }) { success userErrors { code message } } }', { t: token, p: password })
        .then(function (answer) {
          var problem = explain(answer, 'passwordResetComplete');
          if (problem) return show(problem, false);
          form.hidden = true;
          show('Your password is changed and every session of your account has ended. Sign in with the new password.', true);
        });
    }
    done.catch(function () { show('The server could not be reached; try again.', false); }).then(function () { button.disabled = false; });
  });
})();
