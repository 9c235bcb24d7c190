" escape.vim - the escape plugin's notes, warnings and JSON reports in the
" quickfix list of Vim (8.0 or later) or Neovim.
"
" Install: :source this file, or copy it into ~/.vim/plugin/ (Neovim:
" ~/.config/nvim/plugin/).  Then:
"
"   :EscapeErrorformat
"       sets 'errorformat' for GCC's output with the plugin: every warning,
"       error and note, the flow steps of m=2 included, is an entry of its
"       own ("w", "e", "n"), its text as GCC wrote it.  Compile with
"       -fdiagnostics-plain-output -fdiagnostics-column-unit=byte, so that
"       there are no source excerpts or colours and columns are bytes:
"         :EscapeErrorformat
"         :set makeprg=make\ CFLAGS='-O2\ -g\ -fdiagnostics-plain-output\ -fdiagnostics-column-unit=byte\ -fplugin=escape\ -fplugin-arg-escape-m=2'
"         :make          (or :cfile build.log for a log written earlier)
"
"   :EscapeReport PATH...
"       reads JSON reports (-fplugin-arg-escape-json=FILE, or every *.json
"       of a json=DIR/ directory) and puts their LSP diagnostics into the
"       quickfix list: each diagnostic ("w" for a dangling address, "i" for
"       an escape or leak), followed by one "n" entry per flow step, text
"       "  flow: STEP", as GCC prints them.  :EscapeReportAdd adds to the list.
"
" Functions: EscapeErrorformat() is the format; EscapeReportItems(paths)
" returns the quickfix items of reports, for setqflist() or setloclist().
" A report that cannot be read or is not JSON is an error naming it.

if exists('g:loaded_escape_vim')
  finish
endif
let g:loaded_escape_vim = 1

function! EscapeErrorformat() abort
  return join([
        \ '%f:%l:%c: fatal %trror: %m',
        \ '%f:%l:%c: %trror: %m',
        \ '%f:%l:%c: %tarning: %m',
        \ '%f:%l:%c: %tote: %m',
        \ '%-G%.%#'], ',')
endfunction

" LSP severity -> quickfix type
let s:types = {'1': 'E', '2': 'W', '3': 'I', '4': 'N'}

" file:///a%20b/c.c -> /a b/c.c
function! s:path(uri) abort
  let p = substitute(a:uri, '^file://', '', '')
  return substitute(p, '%\(\x\x\)', '\=nr2char(str2nr(submatch(1), 16))', 'g')
endfunction

" The 1-based byte column of an LSP position (0-based, in UTF-16 code units)
" on line LNUM of FILE; the lines of each file are read once (CACHE).
function! s:col(file, lnum, character, cache) abort
  if !has_key(a:cache, a:file)
    let a:cache[a:file] = filereadable(a:file) ? readfile(a:file) : []
  endif
  let lines = a:cache[a:file]
  if a:lnum < 1 || a:lnum > len(lines)
    return a:character + 1
  endif
  let units = 0
  let bytes = 0
  for c in split(lines[a:lnum - 1], '\zs')
    if units >= a:character
      break
    endif
    let units += char2nr(c) > 0xFFFF ? 2 : 1
    let bytes += len(c)
  endfor
  return bytes + 1 + max([0, a:character - units])
endfunction

function! s:item(uri, range, type, text, cache) abort
  let file = s:path(a:uri)
  let lnum = a:range.start.line + 1
  return {'filename': file, 'lnum': lnum,
        \ 'col': s:col(file, lnum, a:range.start.character, a:cache),
        \ 'vcol': 0, 'type': a:type, 'text': a:text}
endfunction

function! EscapeReportItems(paths) abort
  let files = []
  for p in a:paths
    if isdirectory(p)
      let files += sort(glob(p . '/*.json', 1, 1))
    else
      call add(files, p)
    endif
  endfor
  let items = []
  let cache = {}
  for f in files
    if !filereadable(f)
      throw 'escape: cannot read report ' . f
    endif
    try
      let doc = json_decode(join(readfile(f), "\n"))
    catch
      throw 'escape: ' . f . ' is not JSON: ' . v:exception
    endtry
    if type(doc) != type({}) || !has_key(doc, 'diagnostics')
      throw 'escape: ' . f . ' is not an escape report (no "diagnostics")'
    endif
    for d in doc.diagnostics
      call add(items, s:item(d.uri, d.range, get(s:types, string(d.severity), 'I'),
            \ d.message, cache))
      for r in get(d, 'relatedInformation', [])
        call add(items, s:item(r.location.uri, r.location.range, 'N',
              \ '  flow: ' . r.message, cache))
      endfor
    endfor
  endfor
  return items
endfunction

function! s:report(action, ...) abort
  call setqflist(EscapeReportItems(a:000), a:action)
endfunction

command! -bar EscapeErrorformat let &errorformat = EscapeErrorformat()
command! -nargs=+ -complete=file EscapeReport call s:report(' ', <f-args>)
command! -nargs=+ -complete=file EscapeReportAdd call s:report('a', <f-args>)
