import { createHash } from 'node:crypto';

/**
 * The report's only script (inline; the page's Content-Security-Policy allows exactly this
 * script by its hash and nothing else). It shows the <title> text of the chart mark under the
 * pointer or finger in a styled box at once, instead of the browser's delayed native tooltip,
 * which works on phones too. Without scripts, the native <title> tooltips still work. Printing
 * the page opens the folded tables (the appendix's) for the print and folds them again after.
 * It makes no request and writes nothing to the console.
 */
export const REPORT_SCRIPT = `(function(){
var opened=[];
window.addEventListener('beforeprint',function(){document.querySelectorAll('details:not([open])').forEach(function(d){d.open=true;opened.push(d);});});
window.addEventListener('afterprint',function(){opened.forEach(function(d){d.open=false;});opened=[];});
var tip=document.getElementById('tip');
if(!tip)return;
function hide(){tip.hidden=true;}
function textOf(el){
 if(el.dataset&&el.dataset.tip!==undefined)return el.dataset.tip;
 var t=el.querySelector(':scope > title');
 if(!t)return null;
 var s=t.textContent||'';
 el.dataset.tip=s;
 el.setAttribute('aria-label',s);
 t.remove();
 return s;
}
function show(e){
 var el=e.target&&e.target.closest?e.target.closest('.chart-body svg path'):null;
 var s=el?textOf(el):null;
 if(!s){hide();return;}
 tip.textContent=s;
 tip.hidden=false;
 var w=tip.offsetWidth,h=tip.offsetHeight,x=e.clientX+14,y=e.clientY+14;
 if(x+w>window.innerWidth-6)x=Math.max(6,e.clientX-14-w);
 if(y+h>window.innerHeight-6)y=Math.max(6,e.clientY-14-h);
 tip.style.left=x+'px';
 tip.style.top=y+'px';
}
document.addEventListener('pointermove',show,{passive:true});
document.addEventListener('pointerdown',show,{passive:true});
document.addEventListener('scroll',hide,{passive:true});
document.addEventListener('pointerleave',hide);
})();`;

/** CSP source for an inline script or style: 'sha256-<base64 digest>'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
