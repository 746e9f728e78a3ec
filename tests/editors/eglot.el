;;; eglot.el --- the README's eglot recipe, run in Emacs batch mode  -*- lexical-binding: t -*-
;;
;; emacs --batch -l tests/editors/eglot.el DRAFT
;; Opens DRAFT with `followup-lint lsp' attached through eglot, prints the
;; diagnostics, applies the preferred quick fix at the first "!!", prints the
;; diagnostics again and the fixed line, adds the misspelt word to the
;; vocabulary file through the quick fix's command, then shuts the server down.
;; run-eglot.sh runs it on a sample draft and compares with eglot.expected.

(require 'eglot)
(require 'flymake)

;; The recipe, as in the README.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((text-mode markdown-mode message-mode) . ("followup-lint" "lsp"))))

(defun followup-lint-test--wait (pred seconds)
  "Wait until PRED returns non-nil, at most SECONDS."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun followup-lint-test--diagnostics ()
  "The buffer's flymake diagnostics as sorted printable lines."
  (sort
   (mapcar (lambda (d)
             (let ((beg (flymake-diagnostic-beg d)))
               (format "%d:%d %s %s"
                       (line-number-at-pos beg)
                       (save-excursion (goto-char beg) (current-column))
                       (flymake-diagnostic-type d)
                       (car (split-string (flymake-diagnostic-text d) "\n")))))
           (flymake-diagnostics))
   #'string<))

(defun followup-lint-test--print (title)
  (princ (format "%s\n" title))
  (dolist (line (followup-lint-test--diagnostics))
    (princ (format "  %s\n" line))))

(let ((draft (car command-line-args-left)))
  (setq command-line-args-left nil)
  (find-file draft)
  (text-mode)
  (call-interactively #'eglot)
  (unless (followup-lint-test--wait (lambda () (flymake-diagnostics)) 60)
    (princ "no diagnostics within 60 s\n")
    (kill-emacs 1))
  (followup-lint-test--print "on open:")
  ;; The preferred quick fix at "ASAP!!", as `M-x eglot-code-actions' would
  ;; apply it.
  (goto-char (point-min))
  (search-forward "!!")
  (let* ((before (flymake-diagnostics))
         (actions (jsonrpc-request
                   (eglot--current-server-or-lose) :textDocument/codeAction
                   (list :textDocument (eglot--TextDocumentIdentifier)
                         :range (list :start (eglot--pos-to-lsp-position (1- (point)))
                                      :end (eglot--pos-to-lsp-position (1- (point))))
                         :context (list :diagnostics [])))))
    (let ((preferred (seq-find (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
      (princ (format "quick fix: %s\n" (plist-get preferred :title)))
      (eglot--apply-workspace-edit (plist-get preferred :edit)))
    ;; Batch mode runs no idle timers: send the change and restart flymake
    ;; by hand, as the idle timers would while typing.
    (eglot--signal-textDocument/didChange)
    (followup-lint-test--wait
     (lambda () (flymake-start) (accept-process-output nil 0.1)
       (not (equal before (flymake-diagnostics))))
     30))
  (followup-lint-test--print "after the fix:")
  (goto-char (point-min))
  (search-forward "ASAP")
  (princ (format "line now: %s\n" (buffer-substring (line-beginning-position) (line-end-position))))
  ;; "Add ... to the vocabulary file" at the misspelling: a bare Command.
  (goto-char (point-min))
  (search-forward "oppurtunity")
  (let* ((before (flymake-diagnostics))
         (server (eglot--current-server-or-lose))
         (actions (jsonrpc-request
                   server :textDocument/codeAction
                   (list :textDocument (eglot--TextDocumentIdentifier)
                         :range (list :start (eglot--pos-to-lsp-position (1- (point)))
                                      :end (eglot--pos-to-lsp-position (1- (point))))
                         :context (list :diagnostics []))))
         (add (seq-find (lambda (a) (string-match-p "to the vocabulary file" (plist-get a :title)))
                        actions)))
    (princ (format "command: %s\n" (plist-get add :title)))
    (eglot-execute-command server (intern (plist-get add :command)) (plist-get add :arguments))
    (followup-lint-test--wait
     (lambda () (flymake-start) (accept-process-output nil 0.1)
       (not (equal before (flymake-diagnostics))))
     30))
  (followup-lint-test--print "after adding the word:")
  (princ (format "words.txt: %S\n"
                 (with-temp-buffer (insert-file-contents "words.txt") (buffer-string))))
  (set-buffer-modified-p nil)
  (eglot-shutdown (eglot--current-server-or-lose))
  (princ "server shut down\n"))
